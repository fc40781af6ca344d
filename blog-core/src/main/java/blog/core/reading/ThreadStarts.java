package blog.core.reading;

import blog.core.comment.ThreadKey;

/**
 * Where the comment pages of a post start (each page's first thread), as its discussion is now:
 * {@link BlogReader#threadPages} read afresh, or kept and extended until the post's comments change
 * (the web layer keeps them per post version).
 */
@FunctionalInterface
public interface ThreadStarts {
  /**
   * Where the pages of post {@code postId}'s threads start in that order, {@link KeyedPages#covers
   * covering} page {@code page}; null if not known (pages are then read by skipping).
   */
  KeyedPages<ThreadKey> of(long postId, boolean newestFirst, int page);
}
