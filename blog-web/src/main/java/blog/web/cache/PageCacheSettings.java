package blog.web.cache;

import blog.core.config.Declaration;
import blog.core.config.Setting;
import java.util.List;

/**
 * The page cache's keys: its room, whether every answer checks the database's version, and the room
 * for pieces of pages kept as rendered.
 */
public final class PageCacheSettings {
  private PageCacheSettings() {}

  public static final Setting<Long> MAX_BYTES =
      Setting.longNumber(
          "page-cache.max-bytes",
          32L * 1024 * 1024,
          "room for pages kept for anonymous readers; 0 turns the page cache off");

  /** For setups where something other than the blog writes to the database. */
  public static final Setting<Boolean> EXACT =
      Setting.trueOrFalse(
          "page-cache.exact",
          false,
          "read the database's content version for every cached answer, not the polled one");

  /**
   * Pieces of pages kept as rendered (each comment, each post's article), with the page cache on or
   * off: what a page renders anew is only what changed.
   */
  public static final Setting<Long> FRAGMENT_BYTES =
      Setting.longNumber(
          "page-cache.fragment-bytes",
          16L * 1024 * 1024,
          "room for pieces of pages kept as rendered (each comment, each post's text), with the"
              + " page cache on or off; 0 keeps none");

  /** The page cache's keys, for the catalog of every setting. */
  public static final List<Declaration> DECLARED = List.of(MAX_BYTES, EXACT, FRAGMENT_BYTES);
}
