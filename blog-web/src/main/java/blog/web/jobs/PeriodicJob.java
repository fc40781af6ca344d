package blog.web.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one maintenance job on a daemon thread of its own (named after the job): first after a short
 * delay, then again each interval after the previous run ended. A run that fails (the database
 * away) is logged and the next one tries again, as a scheduled task that throws is never run again.
 */
final class PeriodicJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final ScheduledExecutorService executor;
  private final Runnable job;

  private PeriodicJob(String name, ScheduledExecutorService executor, Runnable job) {
    this.name = name;
    this.executor = executor;
    this.job = job;
  }

  static PeriodicJob start(String name, Runnable job, Duration firstRun, Duration interval) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        () -> run(name, job), firstRun.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return new PeriodicJob(name, executor, job);
  }

  private static void run(String name, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      // The root cause only: a statement's text and arguments stay out of the log.
      LOG.warn("{} failed, will try again at its next run: {}", name, cause.toString());
    }
  }

  /** Runs the job once more soon, e.g. when work arrived for it; nothing once closed. */
  void wake() {
    if (!executor.isShutdown()) {
      try {
        executor.execute(() -> run(name, job));
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // closed meanwhile: the next start runs it
      }
    }
  }

  /** Cancels later runs and lets a run in progress finish (up to 10 s). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} did not finish within {}; interrupting it", name, STOP_TIMEOUT);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
