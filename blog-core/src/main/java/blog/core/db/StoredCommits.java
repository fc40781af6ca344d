package blog.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Saved" means it survives a crash: {@link #await()} returns once everything committed before the
 * call is in the database file, so an answer that says a write happened can be given after it.
 *
 * <p>On the embedded H2 database a commit only changes memory, and H2's own writer puts it in the
 * file up to half a second later; {@link H2FileWrites} has it written at once and waits for it
 * (with {@code db.fsync}, for the disk too). Waiting callers are served by one write at a time
 * (group commit): while one runs, the callers that arrive wait and are all covered by the next, so
 * many comments a second cost few writes.
 *
 * <p>While the disk has no room, H2's own writer is paused ({@code SET WRITE_DELAY 0}), so that
 * neither it nor its housekeeping fails on the full disk (H2 closes the database after a failed
 * write); it is resumed once there is room.
 *
 * <p>On PostgreSQL a commit is durable when it returns (synchronous commit), and an in-memory H2
 * has no file: there {@link #await()} returns at once.
 */
public final class StoredCommits implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoredCommits.class);
  static final Duration ROOM_CHECK_INTERVAL = Duration.ofSeconds(1);

  /** H2's own writer's delay, as H2 has it by default. */
  static final int H2_WRITE_DELAY_MILLIS = 500;

  /** Opens the writer's own connection (not the pool's: it must never wait behind requests). */
  interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private final boolean fsync;
  private final boolean writes;
  // Used only by the one writer of the moment (writing == true), so never by two threads at once.
  private @Nullable Connection connection;
  private final Object lock = new Object();
  private long asked;
  private long written;
  private boolean writing;
  // The callers up to this ticket were covered by a write that failed: they are told so.
  private long failedThrough;
  private @Nullable SQLException failure;
  private @Nullable ScheduledExecutorService background;
  // Whether the disk has room; while it has none, H2's own writer is paused.
  private BooleanSupplier room = () -> true;
  // Unknown at first (a pause is kept in the database across a crash): set on the first look.
  private @Nullable Boolean h2WriterPaused;

  private StoredCommits(Connector connector, boolean fsync, boolean writes) {
    this.connector = connector;
    this.fsync = fsync;
    this.writes = writes;
  }

  /** Nothing to wait for: the database makes each commit durable itself. */
  public static StoredCommits byTheDatabase() {
    return new StoredCommits(
        () -> {
          throw new SQLException("the database makes each commit durable itself");
        },
        false,
        false);
  }

  /** Writes H2's file on demand; with {@code fsync}, also waits until the disk has it. */
  static StoredCommits h2File(Connector connector, boolean fsync, BooleanSupplier room) {
    StoredCommits commits = new StoredCommits(connector, fsync, true);
    commits.room = room;
    commits.background =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "h2-room");
              thread.setDaemon(true);
              return thread;
            });
    commits.background.scheduleWithFixedDelay(
        commits::pauseH2WriterWithoutRoom,
        ROOM_CHECK_INTERVAL.toMillis(),
        ROOM_CHECK_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    return commits;
  }

  /**
   * Returns once everything committed before this call is in the database file; throws {@link
   * NotStoredException} when it could not be written (a full disk, a failing device).
   */
  public void await() {
    if (!writes) {
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
          throw new NotStoredException(Objects.requireNonNull(failure));
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

  private @Nullable SQLException runWrite() {
    try {
      if (connection == null) {
        connection = connector.open();
      }
      H2FileWrites.writeThrough(connection, fsync);
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

  /**
   * Pauses H2's own writer while the disk has no room, and resumes it once there is: a write (or a
   * compaction) that fails makes H2 close the database, and readers would lose it too.
   */
  private void pauseH2WriterWithoutRoom() {
    boolean full = !room.getAsBoolean();
    if (h2WriterPaused != null && full == h2WriterPaused) {
      return;
    }
    boolean known = h2WriterPaused != null;
    try (Connection c = connector.open();
        Statement s = c.createStatement()) {
      s.execute("SET WRITE_DELAY " + (full ? 0 : H2_WRITE_DELAY_MILLIS));
      h2WriterPaused = full;
      if (full) {
        LOG.warn("The database's disk is full: writes are refused until there is room");
      } else if (known) {
        LOG.info("The database's disk has room again: writes are taken");
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not {} H2's writer: {}", full ? "pause" : "resume", e.toString());
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
