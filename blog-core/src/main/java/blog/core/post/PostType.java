package blog.core.post;

import java.util.Locale;

/**
 * A post, listed on the blog, or a page (as in WordPress): a standalone text reached only by its
 * own address, never listed in the home page, archives or feeds.
 */
public enum PostType {
  POST,
  PAGE;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PostType fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
