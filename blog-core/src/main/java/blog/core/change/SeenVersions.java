package blog.core.change;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The content versions this instance answers by: the newest of what the poll saw ({@link
 * ContentVersion#currentAll()}) and what this instance read itself right after its own writes
 * ({@link #readAfterWrite()}), so whoever changed something never gets a page from before the
 * change, while other readers pay no query. In exact mode every call reads the database (one
 * primary-key query), for when writes bypass the blog.
 *
 * <p>The page cache keys its pages by these versions, and the read models' {@link #memos()} key
 * their values by them too, with the page cache on or off: a page rendered for version v never
 * carries an older value.
 */
public final class SeenVersions {
  /** The versions last merged from a poll and this instance's reads: {@link #now()}. */
  private record Seen(ContentVersions polled, ContentVersions read, ContentVersions newest) {}

  private final ContentVersion contentVersion;
  private final boolean exact;
  private final VersionMemos memos;

  /** The newest versions this instance read itself, after its own writes. */
  private final AtomicReference<ContentVersions> read =
      new AtomicReference<>(ContentVersions.none());

  private volatile Seen seen =
      new Seen(ContentVersions.none(), ContentVersions.none(), ContentVersions.none());

  /**
   * {@code exact}: read the database's version for every call; {@code nextPublication}: when the
   * next scheduled post after an instant becomes visible (memos end then).
   */
  public SeenVersions(
      ContentVersion contentVersion,
      boolean exact,
      Function<Instant, Optional<Instant>> nextPublication,
      Clock clock) {
    this.contentVersion = contentVersion;
    this.exact = exact;
    this.memos = new VersionMemos(this::now, nextPublication, clock);
  }

  /** The versions to answer by now: polled, or newer after this instance's own writes. */
  public ContentVersions now() {
    if (exact) {
      return contentVersion.readAll();
    }
    ContentVersions polled = contentVersion.currentAll();
    ContentVersions own = Objects.requireNonNull(read.get());
    Seen last = seen;
    if (last.polled() == polled && last.read() == own) {
      return last.newest();
    }
    ContentVersions newest = polled.newest(own);
    seen = new Seen(polled, own, newest);
    return newest;
  }

  /**
   * Reads the versions in the database now, after a request that may have changed something, so
   * this instance never answers by what it saw before its own write. Only once the request's work
   * is done and it holds no database connection (see {@link ContentVersion#readAllAfterWrite()}).
   */
  public void readAfterWrite() {
    ContentVersions now = contentVersion.readAllAfterWrite();
    read.accumulateAndGet(now, ContentVersions::newest);
  }

  /** Whether every call of {@link #now()} reads the database's versions of the moment. */
  public boolean exact() {
    return exact;
  }

  /** Values kept per content version on these versions' terms (see {@link VersionMemos}). */
  public VersionMemos memos() {
    return memos;
  }
}
