package blog.core.text;

import java.util.Arrays;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The teaser a listing shows for a post: its own excerpt when the author wrote one, else the first
 * words of the body as plain text, as WordPress does (55 words, then an ellipsis).
 */
public final class Excerpts {
  public static final int WORDS = 55;

  private final Parser parser = Parser.builder().build();
  private final TextContentRenderer text = TextContentRenderer.builder().build();

  /** The author's excerpt if present, otherwise the trimmed start of the Markdown body. */
  public String excerpt(String authorExcerpt, String bodyMarkdown) {
    if (authorExcerpt != null && !authorExcerpt.isBlank()) {
      return authorExcerpt.strip();
    }
    String plain = text.render(parser.parse(bodyMarkdown == null ? "" : bodyMarkdown)).strip();
    String[] words = plain.split("\\s+");
    if (words.length <= WORDS) {
      return plain.replaceAll("\\s+", " ");
    }
    return String.join(" ", Arrays.copyOf(words, WORDS)) + " […]";
  }
}
