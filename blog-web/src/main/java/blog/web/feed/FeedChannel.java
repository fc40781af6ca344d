package blog.web.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed's own description, whatever its format.
 *
 * @param link the HTML page the feed follows
 * @param self this feed's own absolute URL (also the Atom feed's id)
 * @param updated the newest date among its entries (a fixed date when empty, so the bytes and their
 *     ETag stay put)
 */
record FeedChannel(
    String title,
    String description,
    String link,
    String self,
    String siteTitle,
    Instant updated,
    List<FeedItem> items) {
  FeedChannel {
    items = List.copyOf(items);
  }
}
