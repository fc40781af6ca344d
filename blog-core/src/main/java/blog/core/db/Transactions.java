package blog.core.db;

import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs several repository calls as one transaction. Jdbi hands the transaction's handle to every
 * repository call made on the same thread inside the callback, so they commit or roll back
 * together.
 */
public final class Transactions {
  private final Jdbi jdbi;
  private final StoredCommits stored;

  public Transactions(Jdbi jdbi) {
    this(jdbi, StoredCommits.byTheDatabase());
  }

  /** Transactions whose {@link #inStoredTransaction} waits for the database file. */
  public Transactions(Jdbi jdbi, StoredCommits stored) {
    this.jdbi = jdbi;
    this.stored = stored;
  }

  /**
   * Runs {@code work} on one connection: every repository call it makes on this thread shares it,
   * instead of taking a connection from the pool for each statement (and a transaction begun inside
   * uses it too). For requests that make many small reads and writes.
   */
  public <T> T onOneConnection(Supplier<T> work) {
    return jdbi.withHandle(h -> work.get());
  }

  public <T> T inTransaction(Supplier<T> work) {
    return jdbi.inTransaction(h -> work.get());
  }

  /**
   * A transaction that returns only once its commit is in the database file (see {@link
   * StoredCommits}), for work whose end is reported while the process goes on, such as an import.
   */
  public <T> T inStoredTransaction(Supplier<T> work) {
    T result = inTransaction(work);
    stored.await();
    return result;
  }

  /**
   * Runs {@code work} in a transaction that first takes the named lock (a row of {@code
   * cluster_locks}, locked FOR UPDATE): of several instances doing the same at once, one works
   * while the others wait, and each then sees what the one before it committed.
   */
  public <T> T inTransactionHolding(String lock, Supplier<T> work) {
    return jdbi.inTransaction(
        h -> {
          if (h.createQuery("SELECT name FROM cluster_locks WHERE name = :name FOR UPDATE")
              .bind("name", lock)
              .mapTo(String.class)
              .findOne()
              .isEmpty()) {
            throw new IllegalArgumentException("no cluster lock named " + lock);
          }
          return work.get();
        });
  }

  /** Lets a long piece of work commit what it has done so far ({@link #inBatches}). */
  public interface Batches {
    /** Commits everything since the last commit; the work goes on in a new transaction. */
    void commit();
  }

  /**
   * Runs {@code work} on one connection as a series of transactions, which it ends with {@link
   * Batches#commit} whenever it likes; the last one is committed when it returns and then awaited
   * as by {@link #inStoredTransaction}. If it throws, the transaction under way is rolled back and
   * the earlier ones stay: the caller must be able to take them back (an import is marked for
   * that). For work too large for one transaction.
   */
  public <T> T inBatches(Function<Batches, T> work) {
    T result =
        jdbi.withHandle(
            h -> {
              h.begin();
              try {
                T done =
                    work.apply(
                        () -> {
                          h.commit();
                          h.begin();
                        });
                h.commit();
                return done;
              } catch (RuntimeException | Error e) {
                if (h.isInTransaction()) {
                  try {
                    h.rollback();
                  } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                  }
                }
                throw e;
              }
            });
    stored.await();
    return result;
  }

  /** Returns once every commit made so far is in the database file (see {@link StoredCommits}). */
  public void awaitStored() {
    stored.await();
  }
}
