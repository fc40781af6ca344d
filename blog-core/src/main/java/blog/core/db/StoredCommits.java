package blog.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Saved" means it survives a crash: {@link #await()} returns once everything committed before the
 * call is in the database file, so an answer that says a write happened can be given after it.
 *
 * <p>On the embedded H2 database a commit only changes memory; H2 writes to its file when told
 * ({@code CHECKPOINT}, which writes without waiting for the disk, or {@code CHECKPOINT SYNC}, which
 * also waits for the disk: the {@code db.fsync} setting). The blog opens H2 with {@code
 * WRITE_DELAY=0}, which makes every such write synchronous, so a {@code CHECKPOINT} that returns
 * has written all it covers. Waiting callers are served by one write at a time (group commit):
 * while one runs, the callers that arrive wait and are all covered by the next, so many comments a
 * second cost few writes. A writer also runs each second, for what background work committed.
 *
 * <p>On PostgreSQL a commit is durable when it returns (synchronous commit), and an in-memory H2
 * has no file: there {@link #await()} returns at once.
 */
public final class StoredCommits implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoredCommits.class);
  static final Duration BACKGROUND_INTERVAL = Duration.ofSeconds(1);

  /** Opens the writer's own connection (not the pool's: it must never wait behind requests). */
  interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private final String write;
  // Used only by the one writer of the moment (writing == true), so never by two threads at once.
  private Connection connection;
  private final Object lock = new Object();
  private long asked;
  private long written;
  private boolean writing;
  // The callers up to this ticket were covered by a write that failed: they are told so.
  private long failedThrough;
  private SQLException failure;
  private ScheduledExecutorService background;
  // Whether the disk has room: the background writer waits for it rather than make H2 fail.
  private BooleanSupplier room = () -> true;

  private StoredCommits(Connector connector, String write) {
    this.connector = connector;
    this.write = write;
  }

  /** Nothing to wait for: the database makes each commit durable itself. */
  public static StoredCommits byTheDatabase() {
    return new StoredCommits(null, null);
  }

  /** Writes H2's file on demand; with {@code fsync}, also waits until the disk has it. */
  static StoredCommits h2File(Connector connector, boolean fsync, BooleanSupplier room) {
    StoredCommits commits = new StoredCommits(connector, fsync ? "CHECKPOINT SYNC" : "CHECKPOINT");
    commits.room = room;
    commits.background =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "h2-writer");
              thread.setDaemon(true);
              return thread;
            });
    commits.background.scheduleWithFixedDelay(
        commits::writeInBackground,
        BACKGROUND_INTERVAL.toMillis(),
        BACKGROUND_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    return commits;
  }

  /** True when {@link #await()} writes anything (the embedded H2 database on a file). */
  public boolean writesOnDemand() {
    return write != null;
  }

  /**
   * Returns once everything committed before this call is in the database file; throws {@link
   * NotStoredException} when it could not be written (a full disk, a failing device).
   */
  public void await() {
    if (write == null) {
      return;
    }
    long ticket;
    synchronized (lock) {
      // Every commit that returned before this line is covered by any write that starts after it.
      ticket = ++asked;
    }
    while (true) {
      long covers;
      synchronized (lock) {
        while (written < ticket && failedThrough < ticket && writing) {
          waitForWriter();
        }
        if (written >= ticket) {
          return;
        }
        if (failedThrough >= ticket) {
          throw new NotStoredException(failure);
        }
        writing = true;
        covers = asked;
      }
      SQLException failed = runWrite();
      synchronized (lock) {
        writing = false;
        if (failed == null) {
          written = Math.max(written, covers);
        } else {
          failedThrough = Math.max(failedThrough, covers);
          failure = failed;
        }
        lock.notifyAll();
      }
    }
  }

  private void waitForWriter() {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotStoredException(new SQLException("interrupted while waiting for the write"));
    }
  }

  private SQLException runWrite() {
    try {
      if (connection == null) {
        connection = connector.open();
      }
      try (Statement s = connection.createStatement()) {
        s.execute(write);
      }
      return null;
    } catch (SQLException e) {
      closeConnection(); // H2 closes the database after a failed write: open anew next time
      return e;
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already broken; nothing more to release
      }
      connection = null;
    }
  }

  private void writeInBackground() {
    if (!room.getAsBoolean()) {
      return;
    }
    try {
      await();
    } catch (NotStoredException e) {
      LOG.warn("Could not write the database file, will try again: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Could not write the database file, will try again: {}", e.toString());
    }
  }

  /**
   * Stops the writer that runs each second and closes its connection (a caller still waiting gets
   * its write first); the database writes everything when its last connection closes.
   */
  @Override
  public void close() {
    if (background != null) {
      background.shutdown();
      try {
        background.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (lock) {
      while (writing) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      closeConnection();
    }
  }
}
