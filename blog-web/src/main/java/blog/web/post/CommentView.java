package blog.web.post;

import java.util.List;

/**
 * A comment as the public page shows it. Deliberately without email, IP address or user agent: what
 * is not in the view cannot leak into a page. {@code permalink} is the comment's own address (the
 * post's permalink and the comment's anchor), for search engines. {@code byStaff}: written from a
 * staff account (its "Author" badge and WordPress's {@code byuser} class); {@code byPostAuthor}: by
 * the staff account that wrote the post ({@code bypostauthor}). Both come from the stored account
 * id, never from the name typed, so a guest calling themselves after the author gets no badge.
 * {@code staffEditUrl}: the moderation screen's edit form, for a staff member who may moderate the
 * comment; empty for everyone else. {@code via}: where the comment came from when it was not
 * written here ("the fediverse", "Webmention"), empty otherwise. {@code sharedHtml}: the comment's
 * article ({@code post/comment-body}) as every reader sees it, rendered once and kept ({@link
 * CommentFragments}); empty when this reader's view of it is their own (theirs to edit, staff's to
 * moderate, held), and then the template renders it in place. {@code threadHtml}: a top-level
 * comment with all its replies ({@code post/comment}) as every reader sees them, kept the same way;
 * empty when anything in the thread is this reader's own or the reply form sits in it.
 */
public record CommentView(
    long id,
    String authorName,
    String authorUrl,
    String avatarUrl,
    String date,
    String isoDate,
    String bodyHtml,
    int depth,
    boolean awaitingModeration,
    String replyUrl,
    boolean editable,
    String editUrl,
    boolean edited,
    List<CommentView> replies,
    String permalink,
    boolean byStaff,
    boolean byPostAuthor,
    String staffEditUrl,
    String via,
    String sharedHtml,
    String threadHtml) {
  public CommentView {
    replies = List.copyOf(replies);
  }

  /** This comment alone, as its kept article is keyed: without replies or kept HTML. */
  CommentView alone() {
    return with(List.of(), "", "");
  }

  /** The same comment with these replies, this article and this thread. */
  CommentView with(List<CommentView> replies, String sharedHtml, String threadHtml) {
    return new CommentView(
        id,
        authorName,
        authorUrl,
        avatarUrl,
        date,
        isoDate,
        bodyHtml,
        depth,
        awaitingModeration,
        replyUrl,
        editable,
        editUrl,
        edited,
        replies,
        permalink,
        byStaff,
        byPostAuthor,
        staffEditUrl,
        via,
        sharedHtml,
        threadHtml);
  }

  /**
   * Whether this reader's view of the comment is the same as everyone's: not theirs to edit, not
   * theirs to moderate, not held for moderation (shown to its author alone).
   */
  boolean sharedByEveryone() {
    return !editable && staffEditUrl.isEmpty() && !awaitingModeration;
  }

  public String anchor() {
    return "comment-" + id;
  }

  /** WordPress's classes for a staff comment, with a leading space; empty for anyone else. */
  public String staffClasses() {
    return byPostAuthor ? " byuser bypostauthor" : byStaff ? " byuser" : "";
  }
}
