package blog.core.editor;

/**
 * The text of a post that revisions keep and autosaves hold: title, Markdown body and excerpt.
 * Never null; line ends are normalised to LF so that diffs compare what a person sees.
 */
public record PostText(String title, String bodyMarkdown, String excerpt) {
  public PostText {
    title = normalise(title);
    bodyMarkdown = normalise(bodyMarkdown);
    excerpt = normalise(excerpt);
  }

  static String normalise(String text) {
    return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
