package blog.web.admin.moderation;

import java.util.List;

/** The view records of the comment queue screen. */
final class QueueViews {
  private QueueViews() {}

  /** A tab: "Pending (3)". */
  public record Tab(String label, int count, String url, boolean current) {}

  /** A button or menu entry: the value sent and the words shown. */
  public record Action(String value, String label) {}

  /**
   * A comment in the queue. Empty strings stand for what is not known (no website, no identity
   * provider, a post not on the site yet). {@code bodyHtml} is sanitised by the domain. {@code
   * byStaff}: written from a staff account, shown with the same "Author" badge as on the post.
   * {@code replyTo}: the comment a reply answers, or null.
   */
  public record Row(
      long id,
      String status,
      String authorName,
      String email,
      String website,
      String ip,
      String provider,
      String time,
      String postTitle,
      String postUrl,
      String bodyHtml,
      String heldReason,
      List<Action> actions,
      boolean byStaff,
      ReplyTo replyTo) {}

  /** "In reply to Sarah: ‘As a newbie…’", linking to the answered comment in the admin. */
  public record ReplyTo(String authorName, String opening, String url) {}
}
