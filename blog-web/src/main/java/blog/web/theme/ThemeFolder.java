package blog.web.theme;

import blog.core.config.Config;
import blog.core.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The folder named by {@code theme.dir} ({@code BLOG_THEME_DIR}), with {@code templates/} and
 * {@code static/} in it, or no theme at all. {@link #version()} grows whenever a file in it is
 * added, removed or modified; it looks at the files' sizes and modification times at most once a
 * second (by the injected clock), so asking on every request costs next to nothing.
 */
public final class ThemeFolder {
  /** The setting: unset for no theme. */
  public static final Setting<String> DIR =
      Setting.text(
          "theme.dir",
          null,
          "folder whose templates/ and static/ replace the built-in ones (docs/themes.md)");

  static final long RECHECK_MILLIS = 1_000;

  /** What the last look at the folder found: its fingerprint, the version, and when it was. */
  private record Seen(long fingerprint, long version, long checkedAt) {}

  private final Path root;
  private final Clock clock;
  private final AtomicReference<Seen> seen;
  private final AtomicBoolean looking = new AtomicBoolean();

  private ThemeFolder(Path root, Clock clock) {
    this.root = root;
    this.clock = clock;
    this.seen = new AtomicReference<>(new Seen(root == null ? 0 : fingerprint(root), 1, now()));
  }

  /** No theme: only the built-in templates and static files. */
  public static ThemeFolder none() {
    return new ThemeFolder(null, Clock.systemUTC());
  }

  /** The folder at {@code dir}, which must exist. */
  public static ThemeFolder at(Path dir, Clock clock) {
    return new ThemeFolder(dir.toAbsolutePath().normalize(), clock);
  }

  /** From {@code theme.dir}: none when unset; a path that is no folder stops the start. */
  public static ThemeFolder from(Config config, Clock clock) {
    Optional<String> dir = DIR.find(config);
    if (dir.isEmpty()) {
      return none();
    }
    Path path = Path.of(dir.get());
    if (!Files.isDirectory(path)) {
      throw DIR.problem("not a folder: '" + dir.get() + "'");
    }
    return at(path, clock);
  }

  public boolean present() {
    return root != null;
  }

  /** The folder itself; only when {@link #present()}. */
  public Path root() {
    return root;
  }

  /** Where the theme's templates are, {@code templates/} (it may not exist). */
  public Path templates() {
    return root.resolve("templates");
  }

  /** Where the theme's static files are, {@code static/} (it may not exist). */
  public Path staticFiles() {
    return root.resolve("static");
  }

  /**
   * Grows with every change to the theme's files (0 without a theme). Looks at the folder when the
   * last look is a second old; one caller looks while the others take the version as it was.
   */
  public long version() {
    if (root == null) {
      return 0;
    }
    Seen last = seen.get();
    long now = now();
    if (now - last.checkedAt() < RECHECK_MILLIS && now >= last.checkedAt()
        || !looking.compareAndSet(false, true)) {
      return last.version();
    }
    try {
      long fingerprint = fingerprint(root);
      long version = fingerprint == last.fingerprint() ? last.version() : last.version() + 1;
      seen.set(new Seen(fingerprint, version, now));
      return version;
    } finally {
      looking.set(false);
    }
  }

  /**
   * The theme's static file {@code name} (a path such as {@code css/blog.css}), only if it is a
   * regular file inside {@code static/}: no {@code ..}, no absolute path, no hidden file, no link
   * out of the folder.
   */
  public Optional<Path> staticFile(String name) {
    if (root == null || !safeName(name)) {
      return Optional.empty();
    }
    Path base = staticFiles();
    Path file = base.resolve(name).normalize();
    if (!file.startsWith(base) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return file.toRealPath().startsWith(base.toRealPath()) ? Optional.of(file) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Plain relative segments only: nothing empty, nothing starting with a dot, no backslash. */
  static boolean safeName(String name) {
    if (name == null || name.isEmpty() || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
      return false;
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.startsWith(".") || segment.indexOf(':') >= 0) {
        return false;
      }
    }
    return true;
  }

  private long now() {
    return clock.millis();
  }

  private static long describe(Path root, Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      Instant modified = a.lastModifiedTime().toInstant();
      long h = root.relativize(file).toString().hashCode();
      h = h * 1_000_003L + a.size();
      h = h * 1_000_003L + modified.getEpochSecond();
      return h * 1_000_003L + modified.getNano() + (a.isDirectory() ? 1 : 0);
    } catch (IOException e) {
      return 0; // gone while walking: the next look sees it gone
    }
  }

  /** Spreads the bits (SplitMix64's finaliser), so that sums of different files rarely meet. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Names, sizes and modification times of every file under the folder, folded into one. */
  private static long fingerprint(Path root) {
    if (!Files.isDirectory(root)) {
      return -1;
    }
    try (Stream<Path> files = Files.walk(root)) {
      // A sum of mixed hashes: the same whatever order the folder is listed in.
      return files.mapToLong(file -> mix(describe(root, file))).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }
}
