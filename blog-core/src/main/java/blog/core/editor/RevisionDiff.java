package blog.core.editor;

/** What changed between two versions of a post's text, field by field. */
public record RevisionDiff(
    String from, String to, TextDiff title, TextDiff body, TextDiff excerpt) {

  static RevisionDiff between(PostText older, PostText newer, String from, String to) {
    return new RevisionDiff(
        from,
        to,
        TextDiff.between(older.title(), newer.title(), from, to),
        TextDiff.between(older.bodyMarkdown(), newer.bodyMarkdown(), from, to),
        TextDiff.between(older.excerpt(), newer.excerpt(), from, to));
  }

  public boolean identical() {
    return title.identical() && body.identical() && excerpt.identical();
  }
}
