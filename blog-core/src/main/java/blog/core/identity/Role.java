package blog.core.identity;

/** What a staff account may do: authors edit their own posts, admins everything. */
public enum Role {
  ADMIN,
  AUTHOR;

  public String dbValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Role fromDb(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
