package blog.core.editor;

import java.util.Locale;

/** Which kind of save made a revision. */
public enum RevisionKind {
  CREATE,
  UPDATE,
  /** An older revision's text put back. */
  RESTORE,
  /** An autosave's text adopted as the post's. */
  AUTOSAVE;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RevisionKind fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
