package blog.core.change;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * A number that grows whenever anything a reader can see changes: a post, comment, term, author,
 * commenter, setting, image or old permalink, on any instance. The database raises it in the
 * transaction that made the change (triggers; see docs/schema.md), so it never runs ahead of the
 * data: whoever reads version v and then reads pages sees data at least as new as v.
 *
 * <p>For caches shared by nothing but the database: key entries by the version (versioned keys), or
 * drop everything when {@link #onChange} fires. Either way an instance notices a change made on
 * another one within {@link #maxStaleness()}; {@link #read()} costs one primary-key query and is
 * never stale, for the rare reader that must see its own write at once. What one post's page shows
 * has a version of its own ({@link ContentVersions#forPost}), which the comments of other posts
 * leave alone.
 */
public interface ContentVersion {
  /** The newest version this instance has seen; no query, at most {@link #maxStaleness()} old. */
  default long current() {
    return currentAll().all();
  }

  /** The version in the database now. */
  long read();

  /**
   * The newest listing version this instance has seen (see {@link ContentVersions}): what the
   * sidebar and archives depend on, which comments do not change; no query, at most {@link
   * #maxStaleness()} old.
   */
  default long currentListing() {
    return currentAll().listing();
  }

  /**
   * Every row as this instance has seen them (see {@link ContentVersions}): no query, at most
   * {@link #maxStaleness()} old. The same object until a poll sees a change.
   */
  ContentVersions currentAll();

  /** Every row in the database now. */
  ContentVersions readAll();

  /**
   * {@link #readAll()} for a caller that has just written and holds no database connection (an
   * answer whose work is done): callers asking at once may share reads. Not while holding a
   * connection: the caller may wait for another caller's read, and that read may need one.
   */
  default ContentVersions readAllAfterWrite() {
    return readAll();
  }

  /** How long a change may go unnoticed by {@link #current()} and {@link #onChange} listeners. */
  Duration maxStaleness();

  /**
   * Calls {@code listener} with each new version as it is noticed, on a background thread; a
   * listener must be quick and must not throw.
   */
  void onChange(LongConsumer listener);
}
