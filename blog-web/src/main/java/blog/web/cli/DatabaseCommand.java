package blog.web.cli;

import blog.core.config.Config;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the configured database (the same keys as the server's). */
abstract class DatabaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Supplier<Config> config;

  DatabaseCommand(Supplier<Config> config) {
    this.config = config;
  }

  Config config() {
    return config.get();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints "blog: message" on standard error and returns the failure exit code. */
  int fail(String message) {
    spec.commandLine().getErr().println("blog: " + spec.name() + ": " + message);
    return 1;
  }
}
