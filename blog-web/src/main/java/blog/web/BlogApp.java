package blog.web;

import blog.core.NotFoundException;
import blog.core.comment.ClientDataRetention;
import blog.core.comment.CommentEditing;
import blog.core.comment.CommentNotifications;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService;
import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.db.Transactions;
import blog.core.mail.MailDispatcher;
import blog.core.mail.MailQueueRepository;
import blog.core.mail.MailSettings;
import blog.core.mail.RetryPolicy;
import blog.core.mail.SmtpMailer;
import blog.core.notify.NotificationMails;
import blog.core.notify.NotificationTokens;
import blog.core.notify.Notifications;
import blog.core.notify.SubscriptionLinks;
import blog.core.notify.SubscriptionRepository;
import blog.core.post.PostRepository;
import blog.core.reading.BlogReader;
import blog.core.security.SiteSecret;
import blog.core.seed.SeedContent;
import blog.core.site.SettingsRepository;
import blog.core.taxonomy.TermRepository;
import blog.core.text.MarkdownRenderer;
import blog.core.user.UserRepository;
import blog.migrations.Migrations;
import blog.web.archive.ArchiveHandlers;
import blog.web.avatar.Avatars;
import blog.web.comment.CommentHandlers;
import blog.web.error.ErrorPages;
import blog.web.health.HealthHandler;
import blog.web.post.FormTokens;
import blog.web.post.OwnComments;
import blog.web.post.PostHandlers;
import blog.web.post.PostViews;
import blog.web.post.RememberedCommenter;
import blog.web.security.ClientAddress;
import blog.web.security.Cookies;
import blog.web.security.Csrf;
import blog.web.security.CsrfFailure;
import blog.web.site.Pages;
import blog.web.site.PebbleRenderer;
import blog.web.site.StaticAssets;
import blog.web.subscription.SubscriptionHandlers;
import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: database, migrations, repositories, services, handlers and the Javalin
 * server, wired by hand. Tests build the same graph with their own database, clock and port.
 */
public final class BlogApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BlogApp.class);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  // Old comments' IP addresses are cleared shortly after start (not during it), then hourly.
  static final Duration RETENTION_FIRST_RUN = Duration.ofSeconds(3);
  static final Duration RETENTION_INTERVAL = Duration.ofHours(1);
  static final String RETENTION_JOB = "client-data-retention";

  private final Database database;
  private final boolean ownsDatabase;
  private final Javalin javalin;
  private final MailDispatcher dispatcher;
  private final PeriodicJob retention;

  private BlogApp(
      Database database,
      boolean ownsDatabase,
      Javalin javalin,
      MailDispatcher dispatcher,
      PeriodicJob retention) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.javalin = javalin;
    this.dispatcher = dispatcher;
    this.retention = retention;
  }

  /** Opens the configured database, migrates and seeds it, and starts serving. */
  public static BlogApp start(Config config, Clock clock) {
    Database database = Database.open(DatabaseSettings.from(config));
    try {
      return start(config, clock, database, true);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Serves from an already open database, which the caller keeps owning (for tests). */
  public static BlogApp start(Config config, Clock clock, Database database) {
    return start(config, clock, database, false);
  }

  private static BlogApp start(Config config, Clock clock, Database database, boolean owns) {
    ServerSettings server = ServerSettings.from(config);
    int applied = Migrations.migrate(database.dataSource());
    if (applied > 0) {
      LOG.info("Applied {} database migration(s)", applied);
    }

    var jdbi = database.jdbi();
    var posts = new PostRepository(jdbi);
    var terms = new TermRepository(jdbi);
    var comments = new CommentRepository(jdbi);
    var users = new UserRepository(jdbi);
    var settings = new SettingsRepository(jdbi);
    new SeedContent(
            new Transactions(jdbi),
            users,
            posts,
            comments,
            settings,
            new MarkdownRenderer(),
            new CommentRenderer())
        .seedIfEmpty(clock.instant());

    var reader = new BlogReader(posts, terms, comments, users, settings, clock);
    var assets = new StaticAssets(List.of("css/blog.css", "js/comments.js"));
    var pages = new Pages(PebbleRenderer.fromEnvironment(), reader, assets);
    var random = new SecureRandom();
    var signer = SiteSecret.signer(settings, random);
    var cookies = new Cookies(server.baseUrl().startsWith("https:"));
    var csrf =
        new Csrf(
            signer,
            cookies,
            server.baseUrl(),
            random,
            Set.of(SubscriptionHandlers.CONFIRM, SubscriptionHandlers.UNSUBSCRIBE));
    var clientAddress = new ClientAddress(trustedProxies(config));
    var mail = MailSettings.from(config);
    var mailQueue = new MailQueueRepository(jdbi);
    var subscriptions = new SubscriptionRepository(jdbi);
    var notificationTokens = new NotificationTokens(signer);
    MailDispatcher dispatcher =
        mail.enabled()
            ? new MailDispatcher(
                mailQueue,
                new SmtpMailer(mail, clock),
                RetryPolicy.from(mail),
                clock,
                MailDispatcher.newWorkerId())
            : null;
    CommentNotifications notifications =
        dispatcher == null
            ? CommentNotifications.NONE
            : new Notifications(
                mailQueue,
                subscriptions,
                users,
                settings,
                new NotificationMails(server.baseUrl(), notificationTokens),
                clock,
                dispatcher::wake);
    var commentService =
        new CommentService(
            posts,
            comments,
            settings,
            new CommentRenderer(),
            CommentService.standardChecks(comments),
            new Transactions(jdbi),
            notifications);
    var subscriptionHandlers =
        new SubscriptionHandlers(
            new SubscriptionLinks(notificationTokens, subscriptions, users, posts, settings, clock),
            pages);
    var formTokens = new FormTokens(signer, random);
    var ownComments = new OwnComments(signer, cookies);
    var remembered = new RememberedCommenter(cookies);
    var views = new PostViews();
    var postHandlers =
        new PostHandlers(
            reader,
            commentService,
            pages,
            views,
            formTokens,
            csrf,
            ownComments,
            remembered,
            clock,
            mail.enabled());
    var commentHandlers =
        new CommentHandlers(
            commentService,
            new CommentEditing(comments, settings, new CommentRenderer()),
            reader,
            postHandlers,
            formTokens,
            ownComments,
            remembered,
            clientAddress,
            clock);
    var archives = new ArchiveHandlers(reader, pages, views);
    var health = new HealthHandler(database);
    var errors = new ErrorPages(pages);
    var headers = new SecurityHeaders(server.baseUrl().startsWith("https:"));

    Javalin javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.jetty.host = server.host();
              cfg.jetty.modifyServer(s -> s.setStopTimeout(STOP_TIMEOUT.toMillis()));
              cfg.router.ignoreTrailingSlashes = true;

              // Large enough for the longest comment form, small enough to refuse floods early.
              cfg.http.maxRequestSize = 256 * 1024L;
              cfg.routes.before(headers::apply);
              cfg.routes.before(csrf::check);
              // Order matters: fixed paths first, then the date-shaped patterns, most specific
              // last.
              cfg.routes.get("/healthz", health::health);
              cfg.routes.get("/assets/<name>", assets::serve);
              cfg.routes.get("/avatar/{key}", Avatars::serve);
              cfg.routes.post(CommentHandlers.PATH, commentHandlers::submit);
              cfg.routes.post("/comments/edit", commentHandlers::edit);
              cfg.routes.post("/comments/delete", commentHandlers::delete);
              cfg.routes.get(SubscriptionHandlers.CONFIRM, subscriptionHandlers::confirmPage);
              cfg.routes.post(SubscriptionHandlers.CONFIRM, subscriptionHandlers::confirm);
              cfg.routes.get(
                  SubscriptionHandlers.UNSUBSCRIBE, subscriptionHandlers::unsubscribePage);
              cfg.routes.post(SubscriptionHandlers.UNSUBSCRIBE, subscriptionHandlers::unsubscribe);
              cfg.routes.get("/", postHandlers::home);
              cfg.routes.get("/page/{page}/", postHandlers::home);
              cfg.routes.get("/category/{slug}/", archives::category);
              cfg.routes.get("/category/{slug}/page/{page}/", archives::category);
              cfg.routes.get("/tag/{slug}/", archives::tag);
              cfg.routes.get("/tag/{slug}/page/{page}/", archives::tag);
              cfg.routes.get("/{year}/", archives::year);
              cfg.routes.get("/{year}/page/{page}/", archives::year);
              cfg.routes.get("/{year}/{month}/", archives::month);
              cfg.routes.get("/{year}/{month}/page/{page}/", archives::month);
              cfg.routes.get("/{year}/{month}/{day}/{slug}/", postHandlers::single);
              cfg.routes.get(
                  "/{year}/{month}/{day}/{slug}/comment-page-{cpage}/", postHandlers::single);

              cfg.routes.exception(NotFoundException.class, errors::notFound);
              cfg.routes.exception(
                  CsrfFailure.class,
                  (e, ctx) -> {
                    if (ctx.path().equals(CommentHandlers.PATH)) {
                      commentHandlers.csrfFailed(e, ctx);
                    } else if (ctx.path().equals("/comments/edit")) {
                      commentHandlers.csrfFailedEdit(e, ctx);
                    } else {
                      errors.forbidden(e, ctx);
                    }
                  });
              cfg.routes.exception(Exception.class, errors::failure);
              cfg.routes.error(404, errors::notFoundPage);
            });
    javalin.start(server.port());
    if (dispatcher != null) {
      dispatcher.start();
    }
    LOG.info("Blog serving on port {} (public address {})", javalin.port(), server.baseUrl());
    var retention =
        PeriodicJob.start(
            RETENTION_JOB,
            new ClientDataRetention(comments, settings, clock)::purge,
            RETENTION_FIRST_RUN,
            RETENTION_INTERVAL);
    return new BlogApp(database, owns, javalin, dispatcher, retention);
  }

  /** {@code trusted-proxies}: comma-separated IP addresses whose X-Forwarded-For counts. */
  private static Set<String> trustedProxies(Config config) {
    return Arrays.stream(config.get("trusted-proxies", "").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Stops taking new requests, lets in-flight ones finish (up to the stop timeout), stops the
   * background jobs, then closes the database.
   */
  @Override
  public void close() {
    javalin.stop();
    if (dispatcher != null) {
      dispatcher.close();
    }
    retention.close();
    if (ownsDatabase) {
      database.close();
    }
  }
}
