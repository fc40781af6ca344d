package blog.web;

import blog.core.change.PolledContentVersion;
import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.db.DatabaseUnreachable;
import blog.core.generate.BulkRepository;
import blog.core.media.MediaSettings;
import blog.core.wxr.WxrImporter;
import blog.migrations.Migrations;
import blog.web.auth.DemoProvider;
import blog.web.ops.Metrics;
import blog.web.ops.MetricsServer;
import blog.web.ops.OpsSettings;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: database and migrations, then {@link Services}, {@link WebHandlers} and
 * {@link Routes}, wired by hand. Tests build the same graph with their own database, clock and
 * port.
 */
public final class BlogApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BlogApp.class);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  // Large enough for the longest comment form, small enough to refuse floods early.
  static final long MAX_REQUEST_BYTES = 256 * 1024L;
  // Image uploads alone may be larger; Routes checks each request's declared length first.
  static final long MAX_UPLOAD_REQUEST_BYTES = MediaSettings.CEILING + 64 * 1024L;

  private final Database database;
  private final boolean ownsDatabase;
  private final Javalin javalin;
  private final BackgroundJobs jobs;
  private final DemoProvider demo;
  private final PolledContentVersion contentVersion;
  private final Metrics metrics;
  private final MetricsServer metricsServer;
  private final CleanStop cleanStop;

  private BlogApp(
      Database database,
      boolean ownsDatabase,
      Javalin javalin,
      Services services,
      DemoProvider demo,
      Metrics metrics,
      MetricsServer metricsServer,
      CleanStop cleanStop) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.javalin = javalin;
    this.jobs = services.jobs();
    this.contentVersion = services.contentVersion();
    this.demo = demo;
    this.metrics = metrics;
    this.metricsServer = metricsServer;
    this.cleanStop = cleanStop;
  }

  /**
   * Opens the configured database, migrates and seeds it, and starts serving. A database that
   * cannot be reached stops the start with {@link DatabaseUnreachable}, one sentence long.
   */
  public static BlogApp start(Config config, Clock clock) {
    warnOfUnknownSettings(config);
    ServerSettings.from(config); // a wrong key fails before a connection is even tried
    OpsSettings.from(config);
    Database database = TornFileRepair.open(DatabaseSettings.from(config));
    try {
      database.requireReachable();
      return start(config, clock, database, true);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Serves from an already open database, which the caller keeps owning (for tests). */
  public static BlogApp start(Config config, Clock clock, Database database) {
    warnOfUnknownSettings(config);
    return start(config, clock, database, false);
  }

  /** A misspelt key would be ignored in silence, its default used instead: say so, once. */
  private static void warnOfUnknownSettings(Config config) {
    BlogSettings.CATALOG.warningsFor(config).forEach(LOG::warn);
  }

  private static BlogApp start(Config config, Clock clock, Database database, boolean owns) {
    ServerSettings server = ServerSettings.from(config);
    OpsSettings ops = OpsSettings.from(config);
    int applied = Migrations.migrate(database.dataSource());
    if (applied > 0) {
      LOG.info("Applied {} database migration(s)", applied);
    }
    if (owns && new BulkRepository(database.jdbi()).undoUnfinished()) {
      LOG.warn("A generate that did not finish was undone: its posts and comments are removed");
    }
    if (owns) {
      // On an embedded file this process is the only writer: any unfinished import is dead.
      int undone =
          DataTools.importer(database, clock)
              .undoUnfinished(
                  database.isEmbeddedFile() ? Duration.ZERO : WxrImporter.ABANDONED_AFTER);
      if (undone > 0) {
        LOG.warn(
            "A WordPress import that did not finish was taken back: its posts and comments are"
                + " removed; run it again");
      }
    }
    CleanStop cleanStop = owns ? CleanStop.atStart(database) : null;
    Metrics metrics = Metrics.create();
    if (owns) {
      // A database the caller passed in may be shared by several apps; a pool reports to one.
      database.publishMetrics(metrics.registry());
    }
    Services services = Services.create(database, config, server.baseUrl(), clock);
    WebHandlers handlers = null;
    MetricsServer metricsServer = null;
    Javalin javalin = null;
    try {
      metrics.contentVersion(services.contentVersion()::current);
      handlers = WebHandlers.create(services, server, config, metrics);
      metrics.pageCache(handlers.pageCache()::hits, handlers.pageCache()::misses);
      if (ops.metricsEnabled()) {
        metricsServer = MetricsServer.start(ops.metricsHost(), ops.metricsPort(), metrics);
        LOG.info(
            "Metrics on port {} (http://{}:{}/metrics)",
            metricsServer.port(),
            ops.metricsHost(),
            metricsServer.port());
      }
      javalin = javalin(server, handlers);
      javalin.start(server.port());
      if (handlers.demo() != null) {
        handlers.demo().launch();
      }
      services.jobs().start();
      services
          .staffAccounts()
          .issueSetupToken()
          .ifPresent(
              token ->
                  LOG.warn(
                      "This blog has no administrator yet. Create one at {}/admin/setup?token={}"
                          + " (valid 24 hours, once), or run: java -jar blog.jar create-admin NAME",
                      server.baseUrl(),
                      token));
      LOG.info("Blog serving on port {} (public address {})", javalin.port(), server.baseUrl());
      return new BlogApp(
          database, owns, javalin, services, handlers.demo(), metrics, metricsServer, cleanStop);
    } catch (RuntimeException e) {
      // e.g. a port is taken: stop what already runs, so nothing is left polling a closed pool.
      if (javalin != null) {
        javalin.stop();
      }
      if (metricsServer != null) {
        metricsServer.close();
      }
      if (handlers != null && handlers.demo() != null) {
        handlers.demo().close();
      }
      services.jobs().close();
      services.contentVersion().close();
      metrics.close();
      throw e;
    }
  }

  private static Javalin javalin(ServerSettings server, WebHandlers handlers) {
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.jetty.host = server.host();
          if (server.threads() > 0) {
            QueuedThreadPool pool =
                new QueuedThreadPool(server.threads(), ServerSettings.MIN_THREADS);
            pool.setName("JettyServerThreadPool"); // as Javalin names its own
            cfg.jetty.threadPool = pool;
          }
          cfg.jetty.modifyServer(
              s -> {
                s.setStopTimeout(STOP_TIMEOUT.toMillis());
                s.setErrorHandler(new ProtocolErrors(handlers.headers()));
                // Kept pages are answered ahead of Javalin; the rest goes on to it.
                s.insertHandler(handlers.fastHits());
              });
          cfg.router.ignoreTrailingSlashes = true;
          cfg.http.maxRequestSize = MAX_UPLOAD_REQUEST_BYTES;
          cfg.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_REQUEST_BYTES, SizeUnit.BYTES);
          cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_REQUEST_BYTES, SizeUnit.BYTES);
          Routes.install(cfg, handlers, MAX_REQUEST_BYTES);
        });
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Every HTTP route as "METHOD path" (before/after hooks left out), for tests that walk the route
   * table so that a new route cannot escape them.
   */
  public List<String> routes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .toList();
  }

  /** The most threads serving requests at once (the {@code threads} setting, or Javalin's pool). */
  public int maxThreads() {
    return javalin.jettyServer().server().getThreadPool() instanceof QueuedThreadPool pool
        ? pool.getMaxThreads()
        : -1;
  }

  /** The metrics port, or {@link OpsSettings#OFF} when metrics are not served. */
  public int metricsPort() {
    return metricsServer == null ? OpsSettings.OFF : metricsServer.port();
  }

  /**
   * Stops taking new requests, lets in-flight ones finish (up to the stop timeout), stops the
   * background jobs, then closes the database.
   */
  @Override
  public void close() {
    LOG.info("Stopping: finishing requests in flight (up to {} s)", STOP_TIMEOUT.toSeconds());
    javalin.stop();
    jobs.close();
    contentVersion.close();
    if (demo != null) {
      demo.close();
    }
    if (metricsServer != null) {
      metricsServer.close();
    }
    metrics.close();
    if (cleanStop != null) {
      cleanStop.mark();
    }
    if (ownsDatabase) {
      database.close();
    }
    LOG.info("Stopped");
  }
}
