package blog.web.cache;

import blog.core.config.Declaration;
import blog.core.config.Setting;
import java.util.List;

/** The page cache's keys: its room, and whether every answer checks the database's version. */
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

  /** The page cache's keys, for the catalog of every setting. */
  public static final List<Declaration> DECLARED = List.of(MAX_BYTES, EXACT);
}
