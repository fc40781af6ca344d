package blog.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blog as a deployment runs it: {@code java blog.web.cli.Main} in a process of its own,
 * configured by environment variables only, on the test's class path (no jar needs building). Its
 * standard output and error go to files the test reads: the ports it listens on come from its
 * start-up lines. The classes it loads are shared between the processes ({@link SharedClasses}).
 */
public final class AppProcess implements Site, AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("Blog serving on port (\\d+)");
  private static final Pattern METRICS = Pattern.compile("Metrics on port (\\d+)");

  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;
  private int port = -1;
  private int metricsPort = -1;

  private AppProcess(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts an instance with these settings ({@code BLOG_...} environment variables) and returns at
   * once; {@link #awaitServing} waits for it. No other {@code BLOG_...} variable of the test's own
   * environment reaches it.
   */
  public static AppProcess launch(String name, Map<String, String> env) {
    return launch(name, env, List.of());
  }

  /** Runs one command of the blog ({@code import-wxr FILE}, {@code backup FILE}, …) likewise. */
  public static AppProcess command(String name, Map<String, String> env, String... args) {
    return launch(name, env, List.of(args));
  }

  private static AppProcess launch(String name, Map<String, String> env, List<String> args) {
    try {
      Path out = Files.createTempFile("blog-" + name + "-", ".out");
      Path err = Files.createTempFile("blog-" + name + "-", ".err");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(SharedClasses.JVM);
      command.add("-Dlogback.configurationFile=" + logbackConfig());
      command.addAll(SharedClasses.options());
      command.add("blog.web.cli.Main");
      command.addAll(args);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().keySet().removeIf(key -> key.startsWith("BLOG_"));
      builder.environment().put("BLOG_TEST_STRICT_TEMPLATES", "true");
      builder.environment().putAll(env);
      return new AppProcess(name, builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Launches and waits until it serves; a process that does not serve in time is killed. */
  public static AppProcess start(String name, Map<String, String> env) {
    return start(name, env, Duration.ofSeconds(60));
  }

  /** As {@link #start(String, Map)}, for a start that has work to do first (an undo). */
  public static AppProcess start(String name, Map<String, String> env, Duration timeout) {
    AppProcess app = launch(name, env);
    try {
      return app.awaitServing(timeout);
    } catch (RuntimeException | AssertionError e) {
      app.close();
      throw e;
    }
  }

  /** Waits for the start-up line that names the port; fails if the process ends first. */
  public AppProcess awaitServing(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (port < 0) {
      String text = output();
      Matcher serving = SERVING.matcher(text);
      if (serving.find()) {
        port = Integer.parseInt(serving.group(1));
        Matcher metrics = METRICS.matcher(text);
        if (metrics.find()) {
          metricsPort = Integer.parseInt(metrics.group(1));
        }
      } else if (!process.isAlive()) {
        throw new AssertionError(
            name + " ended (exit " + process.exitValue() + ") before serving:\n" + everything());
      } else if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(name + " did not start within " + timeout + ":\n" + everything());
      } else {
        pause();
      }
    }
    // The metrics line comes right after the serving line; wait for it briefly if it is due.
    while (metricsPort < 0
        && Instant.now().isBefore(deadline)
        && output().contains("Metrics on port")) {
      Matcher metrics = METRICS.matcher(output());
      if (metrics.find()) {
        metricsPort = Integer.parseInt(metrics.group(1));
      } else {
        pause();
      }
    }
    return this;
  }

  /** Waits until the process printed {@code text}; fails if it ends or the time runs out first. */
  public void awaitOutput(String text, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!output().contains(text)) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError(name + " printed no '" + text + "':\n" + everything());
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  /** Waits until the metrics line appeared (instances started with {@code BLOG_METRICS_PORT}). */
  public int metricsPort() {
    Instant deadline = Instant.now().plusSeconds(10);
    while (metricsPort < 0 && Instant.now().isBefore(deadline)) {
      Matcher metrics = METRICS.matcher(output());
      if (metrics.find()) {
        metricsPort = Integer.parseInt(metrics.group(1));
      } else {
        pause();
      }
    }
    if (metricsPort < 0) {
      throw new AssertionError(name + " serves no metrics:\n" + everything());
    }
    return metricsPort;
  }

  @Override
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public String metricsUrl() {
    return "http://127.0.0.1:" + metricsPort() + "/metrics";
  }

  public String name() {
    return name;
  }

  public Process process() {
    return process;
  }

  /** SIGTERM, as an orchestrator stops an instance. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: the machine dies under it. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(10));
  }

  /** Waits for the process to end; its exit code, or -1 if it still runs. */
  public int waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public String output() {
    return read(out);
  }

  public String errors() {
    return read(err);
  }

  /** Both streams, for failure messages. */
  public String everything() {
    return "--- stdout of " + name + " ---\n" + output() + "--- stderr ---\n" + errors();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      waitFor(Duration.ofSeconds(10));
    }
    try {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    } catch (IOException e) {
      // temporary files; the system cleans up
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String logbackConfig() {
    try {
      return Path.of(AppProcess.class.getResource("/logback-instance.xml").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    LockSupport.parkNanos(50_000_000L);
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the process");
    }
  }
}
