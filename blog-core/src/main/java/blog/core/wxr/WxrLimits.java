package blog.core.wxr;

import blog.core.editor.PostChanges;

/**
 * What the importer accepts of a file before it calls it hostile.
 *
 * @param maxTextChars the longest text of one element (a post's content, a comment) in characters
 * @param maxDepth how deeply elements may nest (a WordPress export needs 6 levels)
 * @param maxUploadBytes the largest file the admin screen takes (the command line has no limit)
 */
public record WxrLimits(int maxTextChars, int maxDepth, long maxUploadBytes) {
  /** The most a post may hold in the editor; 32 levels; 64 MiB uploads. */
  public static final WxrLimits DEFAULTS =
      new WxrLimits(PostChanges.MAX_BODY, 32, 64L * 1024 * 1024);
}
