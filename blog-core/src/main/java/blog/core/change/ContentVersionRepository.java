package blog.core.change;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the {@code content_version} rows that the database's triggers keep raising (see {@link
 * ContentVersions}).
 */
public final class ContentVersionRepository {
  private final Jdbi jdbi;

  public ContentVersionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The content version: it grows with every change a reader could see. */
  public long read() {
    return readAll().all();
  }

  /** Every row, read together. */
  public ContentVersions readAll() {
    List<long[]> rows =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id, version FROM content_version")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list());
    long[] ids = new long[rows.size()];
    long[] versions = new long[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = rows.get(i)[0];
      versions[i] = rows.get(i)[1];
    }
    return ContentVersions.of(ids, versions);
  }
}
