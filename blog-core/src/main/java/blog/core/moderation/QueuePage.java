package blog.core.moderation;

import java.util.List;

/**
 * One page of the queue, newest first, and the cursors of its neighbours: {@code older} continues
 * below the last row, {@code newer} goes back above the first; null where there is nothing more.
 */
public record QueuePage(List<QueueRow> rows, QueueCursor older, QueueCursor newer) {
  public QueuePage {
    rows = List.copyOf(rows);
  }

  public boolean hasOlder() {
    return older != null;
  }

  public boolean hasNewer() {
    return newer != null;
  }
}
