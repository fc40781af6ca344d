package blog.core.taxonomy;

import java.util.Locale;

/** The two ways posts are grouped, as in WordPress. */
public enum Taxonomy {
  CATEGORY,
  TAG;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Taxonomy fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
