package blog.core.change;

import org.jdbi.v3.core.Jdbi;

/** Reads the single {@code content_version} row that the database's triggers keep raising. */
public final class ContentVersionRepository {
  private final Jdbi jdbi;

  public ContentVersionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long read() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT version FROM content_version WHERE id = 1")
                .mapTo(Long.class)
                .one());
  }
}
