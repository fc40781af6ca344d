package blog.core.wxr;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A WordPress post's HTML as a Markdown source that Markdown leaves alone. A post's source here is
 * Markdown, which passes HTML blocks through as they are; but WordPress's classic editor writes
 * paragraphs as bare text, which Markdown would read: {@code ¯\_(ツ)_/¯} would lose its backslash,
 * {@code *this*} would turn italic, "1. " at a line's start would begin a list. Every block that
 * Markdown would not pass through is wrapped in {@code <p>…</p>}, the paragraph WordPress shows it
 * as, which makes it an HTML block too (up to the next blank line), so the page shows the text as
 * WordPress does.
 */
final class HtmlOnly {
  /** The same reading of blocks as the post renderer's ({@code MarkdownRenderer}). */
  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());

  private static final Parser PARSER =
      Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  private HtmlOnly() {}

  static String of(String source) {
    String[] lines = source.split("\n", -1);
    boolean[] opens = new boolean[lines.length];
    boolean[] closes = new boolean[lines.length];
    boolean any = false;
    for (Node block = PARSER.parse(source).getFirstChild();
        block != null;
        block = block.getNext()) {
      List<SourceSpan> spans = block.getSourceSpans();
      if (block instanceof HtmlBlock || spans.isEmpty()) {
        continue;
      }
      opens[spans.get(0).getLineIndex()] = true;
      closes[spans.get(spans.size() - 1).getLineIndex()] = true;
      any = true;
    }
    if (!any) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length() + 64);
    for (int i = 0; i < lines.length; i++) {
      out.append(opens[i] ? "<p>" : "").append(lines[i]).append(closes[i] ? "</p>" : "");
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
