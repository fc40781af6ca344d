package blog.web.feed;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, whatever its format: a post or a comment, with absolute URLs only.
 *
 * @param id a permanent identifier (an absolute URL that never changes with the slug)
 * @param summary plain text
 * @param contentHtml sanitised HTML with absolute links
 * @param categories names of the post's categories and tags
 * @param commentCount approved comments, or null for comments themselves
 * @param commentsFeed the post's own comments feed, or null
 */
record FeedItem(
    String id,
    String title,
    String link,
    String authorName,
    Instant published,
    Instant updated,
    String summary,
    String contentHtml,
    List<Category> categories,
    Integer commentCount,
    String commentsFeed) {
  FeedItem {
    categories = List.copyOf(categories);
  }

  /** A category or tag, and the archive it names ({@code scheme}, for Atom). */
  record Category(String name, String scheme) {}
}
