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
      ResetPasswordCommand.class,
      GenerateCommand.class,
      ImportWxrCommand.class,
      ExportWxrCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      CommandLine.HelpCommand.class
    },
    modelTransformer = SettingsHelp.class)
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
