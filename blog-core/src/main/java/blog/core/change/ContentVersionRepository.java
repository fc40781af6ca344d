package blog.core.change;

import org.jdbi.v3.core.Jdbi;

/**
 * Reads the {@code content_version} rows that the database's triggers keep raising (migrations V15
 * and V17): their sum is the content version, row 65 alone the listing version.
 */
public final class ContentVersionRepository {
  private final Jdbi jdbi;

  public ContentVersionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The content version: it grows with every change a reader could see. */
  public long read() {
    return readBoth().all();
  }

  /** The content version and the listing version, read together. */
  public ContentVersions readBoth() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT SUM(version) AS all_changes,"
                        + " SUM(CASE WHEN id = 65 THEN version ELSE 0 END) AS listing_changes"
                        + " FROM content_version")
                .map(
                    (rs, ctx) ->
                        new ContentVersions(
                            rs.getLong("all_changes"), rs.getLong("listing_changes")))
                .one());
  }
}
