package blog.web;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import blog.core.db.DatabaseUnreachable;
import blog.web.ops.LogSetup;
import blog.web.ops.OpsSettings;
import ch.qos.logback.classic.LoggerContext;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar blog.jar [command]}; without a command it serves the blog. */
@Command(
    name = "blog.jar",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    version = "blog 0.1.0",
    description = "A self-hosted blog with first-class comments.",
    subcommands = {
      Main.Serve.class,
      CreateAdminCommand.class,
      GenerateCommand.class,
      ImportWxrCommand.class,
      ExportWxrCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nConfiguration (properties file named by BLOG_CONFIG, or environment):%n",
    footer = {
      "  port                  BLOG_PORT                  HTTP port (default 7070; 0: a free port)",
      "  host                  BLOG_HOST                  address to listen on (default 0.0.0.0)",
      "  base-url              BLOG_BASE_URL              public address for absolute links",
      "                                                   (default http://localhost:<port>)",
      "  threads               BLOG_THREADS               request threads: 0 (default) for Javalin's",
      "                                                   pool, else at least 8",
      "  trusted-proxies       BLOG_TRUSTED_PROXIES       proxy IPs whose X-Forwarded-For counts",
      "  db.url                BLOG_DB_URL                JDBC URL (default jdbc:h2:file:./data/blog);",
      "                                                   jdbc:postgresql://host/db for PostgreSQL",
      "  db.user               BLOG_DB_USER               database user (default sa for H2)",
      "  db.password           BLOG_DB_PASSWORD           database password",
      "  db.pool-size          BLOG_DB_POOL_SIZE          connection pool size (default 10)",
      "  db.fsync              BLOG_DB_FSYNC              H2: wait for the disk before \"saved\" (false)",
      "  db.min-free-bytes     BLOG_DB_MIN_FREE_BYTES     H2: refuse writes below this free disk (16 MiB)",
      "  mail.smtp.host        BLOG_MAIL_SMTP_HOST        SMTP server (unset: mail off)",
      "  mail.smtp.port        BLOG_MAIL_SMTP_PORT        SMTP port (default 587, 465 with tls)",
      "  mail.smtp.security    BLOG_MAIL_SMTP_SECURITY    starttls (default), tls or none",
      "  mail.smtp.username    BLOG_MAIL_SMTP_USERNAME    SMTP log-in (with the password)",
      "  mail.smtp.password    BLOG_MAIL_SMTP_PASSWORD    SMTP password (with the username)",
      "  mail.from             BLOG_MAIL_FROM             sender address (required with mail on)",
      "  mail.max-attempts     BLOG_MAIL_MAX_ATTEMPTS     tries per mail (default 8)",
      "  auth.<p>.client-id, auth.<p>.client-secret",
      "                                                   log-in with p = wordpress, google, x,",
      "                                                   facebook or github; callback URL to",
      "                                                   register: <base-url>/auth/<p>/callback",
      "  auth.oidc.<id>.issuer, .client-id, .client-secret, .label",
      "                                                   any OpenID Connect provider",
      "                                                   (BLOG_AUTH_OIDC_<ID>_ISSUER, ...)",
      "  auth.<p>. or auth.oidc.<id>. + authorization-endpoint, token-endpoint, userinfo-endpoint",
      "                                                   replace a provider's endpoints",
      "  auth.demo.enabled     BLOG_AUTH_DEMO_ENABLED     demo sign-in with no provider, loopback base-url (true)",
      "  metrics.port          BLOG_METRICS_PORT          serve /metrics on this port (unset: off)",
      "  metrics.host          BLOG_METRICS_HOST          address for /metrics (default 127.0.0.1)",
      "  log.format            BLOG_LOG_FORMAT            text (default) or json, an object per line",
      "                        BLOG_LOG_ACCESS            access log level (default INFO; OFF: none)",
      "  page-cache.max-bytes  BLOG_PAGE_CACHE_MAX_BYTES  room for kept pages (default 33554432;",
      "                                                   0 turns the page cache off)",
      "  page-cache.exact      BLOG_PAGE_CACHE_EXACT      read the database's version on every hit",
      "                                                   (default false)",
      "  theme.dir             BLOG_THEME_DIR             folder whose templates/ and static/ replace",
      "                                                   the built-in ones (unset: none); docs/themes.md",
      "Environment variables win over the file. Site and discussion settings live in the database;",
      "admins change them at /admin/settings. More in docs/configuration.md."
    })
public final class Main implements Callable<Integer> {

  @Override
  public Integer call() {
    return new Serve().call();
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    // A wrong setting or an unreachable database should read as one clear line, not a stack trace.
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          command.getErr().println("blog: " + describe(e));
          return 1;
        });
    System.exit(cli.execute(args));
  }

  static String describe(Throwable e) {
    if (e instanceof ConfigException || e instanceof DatabaseUnreachable) {
      return e.getMessage(); // complete in itself, naming the keys to check
    }
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      message.append(" <- ").append(cause.getMessage());
    }
    return message.toString();
  }

  /** Serves the blog until the process is told to stop (SIGTERM, Ctrl-C). */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Serve the blog (the default command).")
  static final class Serve implements Callable<Integer> {
    @Override
    public Integer call() {
      Config config = Config.fromEnvironment();
      LogSetup.apply(OpsSettings.from(config).logFormat());
      BlogApp app = BlogApp.start(config, Clock.systemUTC());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.close();
                    // Log lines wait in an asynchronous appender: write them out before exit.
                    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                      logging.stop();
                    }
                    stopped.countDown();
                  },
                  "blog-shutdown"));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }
}
