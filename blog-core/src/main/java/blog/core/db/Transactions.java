package blog.core.db;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs several repository calls as one transaction. Jdbi hands the transaction's handle to every
 * repository call made on the same thread inside the callback, so they commit or roll back
 * together.
 */
public final class Transactions {
  private final Jdbi jdbi;

  public Transactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public <T> T inTransaction(Supplier<T> work) {
    return jdbi.inTransaction(h -> work.get());
  }
}
