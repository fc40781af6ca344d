package blog.core.change;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContentVersion} by polling the version row every {@link #interval}. A poll is one
 * primary-key read, so even a few per second per instance costs the database next to nothing, and
 * it needs no connection of its own (unlike LISTEN/NOTIFY, which also does not survive a
 * transaction-pooling proxy such as PgBouncer). While the database is away the last version stays
 * and polling goes on.
 */
public final class PolledContentVersion implements ContentVersion, AutoCloseable {
  /** Half the one-second bound the blog promises, so a slow poll still keeps it. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(PolledContentVersion.class);

  private final ContentVersionRepository repository;

  /**
   * Catching up after writes: writers asking at once share reads (see JoinedReads). Only for
   * callers that hold no connection while they wait ({@link #readAllAfterWrite}).
   */
  private final JoinedReads<ContentVersions> reads;

  private final Duration interval;
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService poller;
  private volatile ContentVersions current = ContentVersions.none();
  private volatile boolean failing;

  private PolledContentVersion(ContentVersionRepository repository, Duration interval) {
    this.repository = repository;
    this.reads = new JoinedReads<>(repository::readAll);
    this.interval = interval;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "content-version");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Reads the version once (if the database answers) and polls it from then on. */
  public static PolledContentVersion start(ContentVersionRepository repository, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    PolledContentVersion version = new PolledContentVersion(repository, interval);
    version.poll();
    version.poller.scheduleWithFixedDelay(
        version::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return version;
  }

  private void poll() {
    ContentVersions seen;
    try {
      seen = repository.readAll();
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.warn("Cannot read the content version, will keep trying: {}", rootCause(e));
      }
      return;
    }
    if (failing) {
      failing = false;
      LOG.info("Reading the content version again");
    }
    if (!seen.equals(current)) {
      boolean changed = seen.all() != current.all();
      current = seen;
      for (LongConsumer listener : changed ? listeners : List.<LongConsumer>of()) {
        try {
          listener.accept(seen.all());
        } catch (RuntimeException e) {
          LOG.warn("A content-version listener failed: {}", rootCause(e));
        }
      }
    }
  }

  @Override
  public long read() {
    return repository.read();
  }

  @Override
  public ContentVersions currentAll() {
    return current;
  }

  @Override
  public ContentVersions readAll() {
    return repository.readAll();
  }

  @Override
  public ContentVersions readAllAfterWrite() {
    return reads.read();
  }

  @Override
  public Duration maxStaleness() {
    // A change committed just after a poll's read is seen by the next poll.
    return interval.multipliedBy(2);
  }

  @Override
  public void onChange(LongConsumer listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.toString();
  }
}
