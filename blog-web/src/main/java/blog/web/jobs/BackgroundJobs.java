package blog.web.jobs;

import blog.core.comment.ClientDataRetention;
import blog.core.comment.CommentRepository;
import blog.core.federation.Federation;
import blog.core.mail.MailDispatcher;
import blog.core.notify.NewPostAnnouncer;
import blog.core.site.SettingsRepository;
import blog.core.webmention.Webmentions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Work that happens without a request: sending queued mail, announcing posts that came due, sending
 * posts and activities to the fediverse, verifying and sending Webmentions, clearing old
 * commenters' IP addresses, and removing ended sessions and abandoned log-ins. Each is safe with
 * several instances (claims, compare-and- set, idempotent updates). Started after the server is up,
 * stopped before the database closes.
 */
public final class BackgroundJobs implements AutoCloseable {
  // Old comments' IP addresses are cleared shortly after start (not during it), then hourly.
  static final Duration RETENTION_FIRST_RUN = Duration.ofSeconds(3);
  static final Duration RETENTION_INTERVAL = Duration.ofHours(1);
  static final String RETENTION_JOB = "client-data-retention";
  static final String ANNOUNCER_JOB = "new-post-announcer";
  static final Duration ANNOUNCER_INTERVAL = Duration.ofMinutes(1);
  static final String HOUSEKEEPING_JOB = "expired-sessions-cleanup";
  static final Duration HOUSEKEEPING_INTERVAL = Duration.ofHours(1);

  static final String IMPORTS_JOB = "abandoned-imports";
  static final Duration IMPORTS_INTERVAL = Duration.ofMinutes(1);

  static final String FEDERATION_JOB = "federation-delivery";
  static final Duration FEDERATION_INTERVAL = Duration.ofSeconds(2);

  static final String WEBMENTION_JOB = "webmention";
  static final Duration WEBMENTION_INTERVAL = Duration.ofSeconds(2);

  private final MailDispatcher dispatcher;
  private final Federation federation;
  private volatile PeriodicJob federationJob;
  private final Webmentions webmentions;
  private volatile PeriodicJob webmentionJob;
  private final NewPostAnnouncer announcer;
  private final ClientDataRetention retention;
  private final Runnable housekeeping;
  private final Runnable abandonedImports;
  private final List<PeriodicJob> running = new ArrayList<>();

  /**
   * {@code dispatcher} and {@code announcer} are null when mail is off, {@code federation} when the
   * fediverse is, {@code webmentions} when Webmention is.
   */
  public BackgroundJobs(
      MailDispatcher dispatcher,
      NewPostAnnouncer announcer,
      Federation federation,
      Webmentions webmentions,
      CommentRepository comments,
      SettingsRepository settings,
      Clock clock,
      Runnable housekeeping,
      Runnable abandonedImports) {
    this.housekeeping = housekeeping;
    this.abandonedImports = abandonedImports;
    this.federation = federation;
    this.webmentions = webmentions;
    this.dispatcher = dispatcher;
    this.announcer = announcer;
    this.retention = new ClientDataRetention(comments, settings, clock);
  }

  public synchronized void start() {
    if (dispatcher != null) {
      dispatcher.start();
    }
    if (announcer != null) {
      running.add(
          PeriodicJob.start(
              ANNOUNCER_JOB,
              () -> {
                if (announcer.announce() > 0) {
                  dispatcher.wake();
                }
              },
              Duration.ZERO,
              ANNOUNCER_INTERVAL));
    }
    if (federation != null) {
      // Posts and comments that changed are queued, then everything due is delivered.
      federationJob =
          PeriodicJob.start(
              FEDERATION_JOB,
              () -> {
                federation.postSync().sync();
                federation.commentSync().sync();
                federation.worker().drain();
              },
              Duration.ZERO,
              FEDERATION_INTERVAL);
      running.add(federationJob);
    }
    if (webmentions != null) {
      // Received mentions are verified; posts that changed queue mentions, which are then sent.
      webmentionJob =
          PeriodicJob.start(
              WEBMENTION_JOB,
              () -> {
                webmentions.checker().drain();
                webmentions.posts().sync();
                webmentions.sender().drain();
              },
              Duration.ZERO,
              WEBMENTION_INTERVAL);
      running.add(webmentionJob);
    }
    running.add(
        PeriodicJob.start(
            RETENTION_JOB, retention::purge, RETENTION_FIRST_RUN, RETENTION_INTERVAL));
    running.add(
        PeriodicJob.start(
            HOUSEKEEPING_JOB, housekeeping, RETENTION_FIRST_RUN, HOUSEKEEPING_INTERVAL));
    // An import whose process died on a database others share is taken back by a survivor.
    running.add(
        PeriodicJob.start(IMPORTS_JOB, abandonedImports, RETENTION_FIRST_RUN, IMPORTS_INTERVAL));
  }

  /** Delivers soon, e.g. after an activity was queued by a request. */
  public void wakeFederation() {
    PeriodicJob job = federationJob;
    if (job != null) {
      job.wake();
    }
  }

  /** Verifies soon, e.g. after a mention was received. */
  public void wakeWebmentions() {
    PeriodicJob job = webmentionJob;
    if (job != null) {
      job.wake();
    }
  }

  @Override
  public synchronized void close() {
    running.forEach(PeriodicJob::close);
    running.clear();
    if (dispatcher != null) {
      dispatcher.close();
    }
  }
}
