package blog.core.post;

import java.util.Locale;

/** Where a post is in its life. Only published (and due scheduled) posts reach readers. */
public enum PostStatus {
  DRAFT,
  PUBLISHED,
  SCHEDULED,
  TRASH;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PostStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
