package blog.core.db;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.result.ResultIterable;

/** Picks rows at a stride from a result read as a stream: the first of each page, say. */
public final class EveryNth {
  private EveryNth() {}

  /**
   * The first row and every {@code every}-th after it, streamed (rows in between are read and
   * dropped, never held).
   */
  public static <T> List<T> of(ResultIterable<T> rows, int every) {
    List<T> picked = new ArrayList<>();
    int[] position = {0};
    rows.forEach(
        row -> {
          if (position[0]++ % every == 0) {
            picked.add(row);
          }
        });
    return picked;
  }
}
