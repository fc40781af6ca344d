package blog.core.text;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders a post's Markdown (CommonMark with tables, autolinks and heading anchors) to HTML and
 * cleans the result, so that raw HTML in the source cannot carry script into a page. The editor's
 * preview and the public page both use this one class. Code blocks and tables are made focusable
 * ({@link ScrollableBlocks}).
 */
public final class MarkdownRenderer {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z0-9_-]{1,200}");
  private static final Pattern CODE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
  private static final Pattern ALIGN = Pattern.compile("left|right|center");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,5}");

  private static final PolicyFactory POST_POLICY =
      new HtmlPolicyBuilder()
          .allowCommonBlockElements()
          .allowCommonInlineFormattingElements()
          .allowElements(
              "pre",
              "code",
              "kbd",
              "samp",
              "hr",
              "br",
              "blockquote",
              "figure",
              "figcaption",
              "dl",
              "dt",
              "dd",
              "table",
              "thead",
              "tbody",
              "tfoot",
              "tr",
              "th",
              "td",
              "caption",
              "a",
              "img",
              "del",
              "ins",
              "mark",
              "abbr",
              "cite",
              "q",
              "small",
              "sup",
              "sub")
          .allowElements(ScrollableBlocks.FOCUSABLE, "pre", "table")
          // HTML5 made these obsolete (WordPress posts still hold them): their modern forms, or
          // their text alone where CSS is the answer (a bare span would not survive an export
          // and import, which drop spans without attributes).
          .allowElements((name, attributes) -> "s", "strike")
          .allowElements((name, attributes) -> "code", "tt")
          .allowElements((name, attributes) -> null, "big", "font")
          .allowElements((name, attributes) -> "div", "center")
          .allowAttributes("id")
          .matching(IDENT)
          .onElements("h1", "h2", "h3", "h4", "h5", "h6")
          .allowAttributes("class")
          .matching(CODE_CLASS)
          .onElements("code")
          .allowAttributes("align")
          .matching(ALIGN)
          .onElements("th", "td")
          .allowAttributes("start")
          .matching(NUMBER)
          .onElements("ol")
          .allowAttributes("href", "title")
          .onElements("a")
          .allowAttributes("src", "alt", "title")
          .onElements("img")
          .allowAttributes("width", "height")
          .matching(NUMBER)
          .onElements("img")
          .allowAttributes("title")
          .onElements("abbr")
          .allowUrlProtocols("http", "https", "mailto")
          .toFactory();

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    List<Extension> extensions =
        List.of(
            TablesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer = HtmlRenderer.builder().extensions(extensions).build();
  }

  /** Markdown in, safe HTML out. */
  public String render(String markdown) {
    return POST_POLICY.sanitize(renderer.render(parser.parse(markdown)));
  }
}
