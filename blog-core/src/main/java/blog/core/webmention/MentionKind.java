package blog.core.webmention;

import java.util.Locale;

/**
 * What a mention is, read from the source's h-entry: a reply ({@code u-in-reply-to}), a like
 * ({@code u-like-of}), a repost ({@code u-repost-of}), or a page that merely links to the post.
 */
public enum MentionKind {
  REPLY,
  LIKE,
  REPOST,
  MENTION;

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MentionKind fromDb(String value) {
    return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Replies and mentions become comments; likes and reposts are counted. */
  public boolean isComment() {
    return this == REPLY || this == MENTION;
  }
}
