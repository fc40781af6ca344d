package blog.web.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Class-data sharing (AppCDS) for the blog's processes ({@link AppProcess}): the classes a blog
 * loads to serve are parsed and verified once, into an archive in {@code target/app-cds}, and every
 * later process maps them instead, which takes about half off its start. A crash drill starts the
 * blog dozens of times.
 *
 * <p>Java 17 archives classes from jars only and refuses a class path with a class folder in it, so
 * the test's class folders are packed into jars (named by what is in them) for the processes. The
 * archive is made once for a class path (named by the jars' sizes and times, the JDK), by a blog
 * that starts on an in-memory database, serves its home page and is stopped; the surefire JVMs of a
 * run take turns through a file lock, so the second one finds the archive made. Whatever goes wrong
 * (no archive, a class path the archive does not fit) the processes start as before, on the test's
 * own class path; {@code -Dblog.test.app-cds=false} turns it off.
 */
final class SharedClasses {
  private static final Pattern SERVING = Pattern.compile("Blog serving on port (\\d+)");

  /** The JVM options a blog process shares with the archive's maker: they must agree. */
  static final List<String> JVM =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xlog:cds*=off");

  private static List<String> options;

  private SharedClasses() {}

  /**
   * The class path options of a blog process: the archive and the packed class path, or the test's
   * own class path.
   */
  static synchronized List<String> options() {
    if (options == null) {
      options = prepare();
    }
    return options;
  }

  private static List<String> plain() {
    return List.of("-cp", System.getProperty("java.class.path"));
  }

  private static List<String> prepare() {
    if ("false".equals(System.getProperty("blog.test.app-cds"))) {
      return plain();
    }
    try {
      Path dir = target().resolve("app-cds");
      Files.createDirectories(dir);
      try (FileChannel lockFile =
          FileChannel.open(
              dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        // Held until the channel closes: the other surefire JVM waits, then finds the archive.
        lockFile.lock();
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
          Path path = Path.of(entry).toAbsolutePath();
          entries.add(Files.isDirectory(path) ? packed(path, dir).toString() : path.toString());
        }
        String classPath = String.join(File.pathSeparator, entries);
        Path archive = dir.resolve("blog-" + key(classPath) + ".jsa");
        if (!Files.isRegularFile(archive)) {
          dump(archive, classPath, dir);
          removeOld(dir);
        }
        if (!fits(archive, classPath)) {
          throw new IllegalStateException(archive + " does not fit the class path");
        }
        List<String> shared = new ArrayList<>();
        shared.add("-XX:SharedArchiveFile=" + archive);
        shared.add("-cp");
        shared.add(classPath);
        return List.copyOf(shared);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("AppProcess: blog processes start without class-data sharing: " + e);
      return plain();
    }
  }

  /** {@code target/} of this module: where the test classes were loaded from, one up. */
  private static Path target() {
    try {
      Path classes =
          Path.of(SharedClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isDirectory(classes)) {
        throw new IllegalStateException("test classes not in a folder: " + classes);
      }
      return classes.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A jar of the folder, named by the names, sizes and times of what is in it. */
  private static Path packed(Path folder, Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.sorted().toList();
    }
    StringBuilder what = new StringBuilder(folder.toString());
    for (Path file : files) {
      what.append('\n').append(folder.relativize(file));
      if (Files.isRegularFile(file)) {
        what.append(' ')
            .append(Files.size(file))
            .append(' ')
            .append(Files.getLastModifiedTime(file).toMillis());
      }
    }
    Path jar = dir.resolve(folder.getFileName() + "-" + hash(what.toString()) + ".jar");
    if (Files.isRegularFile(jar)) {
      return jar; // never replaced: an archive made with it knows its size and time
    }
    Path partial = dir.resolve(jar.getFileName() + ".partial");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
      zip.setLevel(Deflater.BEST_SPEED);
      for (Path file : files) {
        if (file.equals(folder)) {
          continue;
        }
        String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
        boolean folderEntry = Files.isDirectory(file);
        ZipEntry entry = new ZipEntry(folderEntry ? name + "/" : name);
        entry.setLastModifiedTime(Files.getLastModifiedTime(file));
        zip.putNextEntry(entry);
        if (!folderEntry) {
          Files.copy(file, zip);
        }
        zip.closeEntry();
      }
    }
    Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
    return jar;
  }

  /** The archive's name: the JDK, and every jar of the class path with its size and time. */
  private static String key(String classPath) throws IOException {
    StringBuilder what =
        new StringBuilder(System.getProperty("java.home"))
            .append(' ')
            .append(System.getProperty("java.vm.version"))
            .append(' ')
            .append(JVM);
    for (String entry : classPath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      what.append('\n').append(entry);
      if (Files.isRegularFile(path)) {
        what.append(' ')
            .append(Files.size(path))
            .append(' ')
            .append(Files.getLastModifiedTime(path).toMillis());
      }
    }
    return hash(what.toString());
  }

  /**
   * Starts a blog that writes the archive when it ends: it serves its home page (so templates,
   * rendering and the database are loaded too), and is stopped with SIGTERM.
   */
  private static void dump(Path archive, String classPath, Path dir) throws IOException {
    Path partial = dir.resolve(archive.getFileName() + ".partial");
    Path log = dir.resolve(archive.getFileName() + ".log");
    Files.deleteIfExists(partial);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM);
    command.add("-Dlogback.configurationFile=" + AppProcess.logbackConfig());
    command.add("-XX:ArchiveClassesAtExit=" + partial);
    command.add("-cp");
    command.add(classPath);
    command.add("blog.web.cli.Main");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(key -> key.startsWith("BLOG_"));
    builder.environment().put("BLOG_TEST_STRICT_TEMPLATES", "true");
    builder.environment().put("BLOG_DB_URL", "jdbc:h2:mem:app-cds;DB_CLOSE_DELAY=-1");
    builder.environment().put("BLOG_HOST", "127.0.0.1");
    builder.environment().put("BLOG_PORT", "0");
    builder.environment().put("BLOG_AUTH_DEMO_ENABLED", "false");
    builder.environment().put("BLOG_LOG_ACCESS", "OFF");
    Process process = builder.start();
    try {
      int port = awaitPort(process, log, Instant.now().plusSeconds(120));
      HttpClient http = HttpClient.newHttpClient();
      http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
          HttpResponse.BodyHandlers.discarding());
      process.destroy();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the archive's blog did not stop; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      process.destroyForcibly();
    }
    if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
      throw new IllegalStateException("no archive written; see " + log);
    }
    Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int awaitPort(Process process, Path log, Instant deadline)
      throws IOException, InterruptedException {
    while (true) {
      Matcher serving = SERVING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the archive's blog did not serve; see " + log);
      }
      Thread.sleep(20);
    }
  }

  /** Whether a JVM that must share (-Xshare:on) starts with this archive and class path. */
  private static boolean fits(Path archive, String classPath) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM);
    command.addAll(
        List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", classPath, "-version"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      process.destroyForcibly();
    }
  }

  /** Archives and jars of earlier builds (not touched for a day) go. */
  private static void removeOld(Path dir) throws IOException {
    FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if ((name.endsWith(".jsa") || name.endsWith(".jar") || name.endsWith(".log"))
            && Files.getLastModifiedTime(file).compareTo(dayAgo) < 0) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
