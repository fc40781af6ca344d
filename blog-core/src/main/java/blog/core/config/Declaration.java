package blog.core.config;

/**
 * Something an operator may set, declared once with the names it goes by, its default and a line of
 * help; the help text, the documentation check and the unknown-name warning all read these.
 */
public sealed interface Declaration permits Setting, SettingPattern, EnvironmentVariable {
  /** Shown in the key column when a declaration has no properties-file key. */
  String NO_KEY = "—";

  /** The key as the documentation writes it ({@code auth.<p>.client-id}), or {@link #NO_KEY}. */
  String shownKey();

  /** The environment variable ({@code BLOG_AUTH_<P>_CLIENT_ID} for a pattern). */
  String envName();

  /** The default in words, as the documentation's table starts it ({@code 7070}, {@code empty}). */
  String defaultText();

  /** One line saying what it does. */
  String doc();
}
