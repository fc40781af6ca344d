package blog.core.comment;

import blog.core.text.ScrollableBlocks;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns what a commenter typed into safe HTML: paragraphs and line breaks, auto-linked URLs, and a
 * small Markdown subset (emphasis, {@code ~~strikethrough~~}, links, code, quotes, lists, and
 * tables, which WordPress comments imported here may hold, with their struck-out words). Raw HTML
 * is shown as text, and the sanitiser is the last word on what reaches the page; every link is
 * nofollow/ugc/noopener, every code block and table focusable ({@link ScrollableBlocks}).
 */
public final class CommentRenderer {
  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "del")
          .allowElements("table", "thead", "tbody", "tr", "th", "td")
          .allowElements(ScrollableBlocks.FOCUSABLE, "pre", "table")
          .allowAttributes("start")
          .matching(Pattern.compile("[0-9]{1,9}"))
          .onElements("ol")
          .allowAttributes("href")
          .onElements("a")
          .allowUrlProtocols("http", "https", "mailto")
          .requireRelsOnLinks("nofollow", "ugc", "noopener")
          .toFactory();

  private final Parser parser;
  private final HtmlRenderer renderer;

  public CommentRenderer() {
    List<Extension> extensions =
        List.of(
            AutolinkExtension.create(),
            TablesExtension.create(),
            // Two tildes, as GitHub: a single one ("~5 minutes") stays a tilde.
            StrikethroughExtension.builder().requireTwoTildes(true).build());
    this.parser =
        Parser.builder()
            .extensions(extensions)
            .enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, ListBlock.class))
            .build();
    this.renderer =
        HtmlRenderer.builder().extensions(extensions).escapeHtml(true).softbreak("<br>\n").build();
  }

  public String render(String text) {
    return POLICY.sanitize(renderer.render(parser.parse(text)));
  }
}
