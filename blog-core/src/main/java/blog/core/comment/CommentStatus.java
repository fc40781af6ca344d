package blog.core.comment;

import java.util.Locale;

/** Where a comment stands in moderation. Only approved comments are public. */
public enum CommentStatus {
  PENDING,
  APPROVED,
  SPAM,
  TRASH;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CommentStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
