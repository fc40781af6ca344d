package blog.core.wxr;

import java.util.List;
import java.util.Optional;

/** What a WordPress export (WXR) says, element by element, as the reader hands it on. */
final class WxrModel {
  private WxrModel() {}

  /** The channel's head: which WXR version, and which site it came from. */
  record Channel(
      String version, String title, String link, String baseSiteUrl, String baseBlogUrl) {}

  /** {@code <wp:author>}; {@code wpId} is 0 in WXR 1.0, which has no author ids. */
  record Author(
      long wpId,
      String login,
      String email,
      String displayName,
      String firstName,
      String lastName) {}

  /**
   * {@code <wp:category>}, {@code <wp:tag>} or {@code <wp:term>}; taxonomy as WordPress names it.
   */
  record Term(String taxonomy, String slug, String name, String description, String parent) {}

  /** A {@code <category domain="..." nicename="...">Name</category>} of an item. */
  record ItemTerm(String domain, String nicename, String name) {}

  /** A {@code <wp:postmeta>} or {@code <wp:commentmeta>}. */
  record Meta(String key, String value) {}

  /** {@code <item>}: a post, page, attachment, menu item… with its comments. */
  record Item(
      long wpId,
      String title,
      String link,
      String creator,
      String content,
      String excerpt,
      String postDate,
      String postDateGmt,
      String commentStatus,
      String postName,
      String status,
      long parentWpId,
      String postType,
      String password,
      List<ItemTerm> terms,
      List<Meta> meta,
      List<Comment> comments) {

    Optional<String> meta(String key) {
      return meta.stream().filter(m -> m.key().equals(key)).map(Meta::value).findFirst();
    }

    List<String> metaValues(String key) {
      return meta.stream().filter(m -> m.key().equals(key)).map(Meta::value).toList();
    }
  }

  /** {@code <wp:comment>}. */
  record Comment(
      long wpId,
      String author,
      String authorEmail,
      String authorUrl,
      String authorIp,
      String date,
      String dateGmt,
      String content,
      String approved,
      String type,
      long parentWpId,
      long userWpId,
      List<Meta> meta) {

    Optional<String> meta(String key) {
      return meta.stream().filter(m -> m.key().equals(key)).map(Meta::value).findFirst();
    }
  }

  /**
   * What of an item could not be imported and why, in words for the person who chose the file:
   * {@code title} as the export has it (WordPress's HTML); {@code wholeItem} if nothing of the item
   * is imported, not just a part of it.
   */
  record LeftOut(String title, String reason, boolean wholeItem) {}

  /** Receives the export's parts in file order; the channel always comes first. */
  interface Handler {
    void channel(Channel channel);

    void author(Author author);

    void term(Term term);

    void item(Item item);

    /** An item that is not imported, or a part of one that is not; in file order with items. */
    void leftOut(LeftOut leftOut);
  }
}
