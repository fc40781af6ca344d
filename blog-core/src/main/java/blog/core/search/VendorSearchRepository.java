package blog.core.search;

import blog.core.post.Post;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Searches with whatever the connected database does best: PostgreSQL's full-text search, H2's
 * {@code LIKE}. The database is asked what it is at the first search, not at start-up, because the
 * blog starts even while its database is away.
 */
public final class VendorSearchRepository implements PostSearchRepository {
  private final Jdbi jdbi;
  private volatile @Nullable PostSearchRepository chosen;

  public VendorSearchRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public int count(SearchQuery query, Instant now) {
    return chosen().count(query, now);
  }

  @Override
  public List<Post> find(SearchQuery query, Instant now, int limit, int offset) {
    return chosen().find(query, now, limit, offset);
  }

  private PostSearchRepository chosen() {
    PostSearchRepository repository = chosen;
    if (repository == null) {
      String product = jdbi.withHandle(VendorSearchRepository::productName);
      repository =
          product.toLowerCase(Locale.ROOT).contains("postgres")
              ? new PostgresSearchRepository(jdbi)
              : new H2SearchRepository(jdbi);
      chosen = repository;
    }
    return repository;
  }

  private static String productName(Handle handle) {
    try {
      return handle.getConnection().getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new ConnectionException(e);
    }
  }
}
