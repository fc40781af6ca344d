package blog.core.moderation;

import blog.core.text.Excerpts;

/**
 * The comment a reply answers, as the queue names it: "In reply to Sarah: ‘As a newbie…’". {@code
 * opening} is the first words of its text, without markup.
 */
public record InReplyTo(long id, String authorName, String opening) {
  /** Words of the answered comment shown beside a reply. */
  public static final int WORDS = 8;

  static InReplyTo of(long id, String authorName, String bodyHtml) {
    return new InReplyTo(id, authorName, Excerpts.opening(bodyHtml, WORDS));
  }
}
