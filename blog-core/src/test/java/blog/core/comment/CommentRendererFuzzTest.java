package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Whatever a commenter types, {@link CommentRenderer} answers (never throws) with HTML that a
 * browser reads as the small vocabulary the sanitiser allows: no other element, no attribute but a
 * link's href and rel, no href whose scheme (read after entity decoding and dropping what browsers
 * ignore) is other than http, https or mailto, and every link nofollow, ugc and noopener.
 *
 * <p>{@code mvn test} replays the saved inputs in {@code
 * src/test/resources/blog/core/comment/CommentRendererFuzzTestInputs/<method>/} (regression mode,
 * no fuzzing); {@code JAZZER_FUZZ=1} fuzzes for real (see docs/testing.md).
 */
class CommentRendererFuzzTest {
  private static final Set<String> ELEMENTS =
      Set.of(
          "p",
          "br",
          "em",
          "strong",
          "code",
          "pre",
          "blockquote",
          "ul",
          "ol",
          "li",
          "a",
          "del",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td");
  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

  private final CommentRenderer renderer = new CommentRenderer();

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({
    "<script>",
    "</script>",
    "<img src=x onerror=",
    "<svg onload=",
    "javascript:",
    "&#x09;",
    "&#106;",
    "&colon;",
    "data:text/html,",
    "](",
    ")",
    "[x]: ",
    "<http://",
    "www.",
    "https://",
    "mailto:",
    "```",
    "`",
    "> ",
    "- ",
    "1. ",
    "**",
    "~~",
    "\"",
    "'",
    "\\"
  })
  void renderedCommentsCarryNoActiveContent(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    String html = renderer.render(text);
    List<String> problems = problems(html);
    assertEquals(List.of(), problems, () -> "input:\n" + text + "\nrendered:\n" + html);
  }

  /** What in {@code html} falls outside the comment vocabulary, read as a browser reads it. */
  static List<String> problems(String html) {
    List<String> problems = new ArrayList<>();
    Element body = Jsoup.parseBodyFragment(html).body();
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      String name = e.normalName();
      if (!ELEMENTS.contains(name)) {
        problems.add("element <" + name + ">");
        continue;
      }
      for (Attribute attribute : e.attributes()) {
        String attr = attribute.getKey().toLowerCase(Locale.ROOT);
        if (name.equals("ol") && attr.equals("start")) {
          if (!attribute.getValue().matches("[0-9]{1,9}")) {
            problems.add("start=" + attribute.getValue() + " on <ol>");
          }
        } else if ((name.equals("pre") || name.equals("table")) && attr.equals("tabindex")) {
          if (!attribute.getValue().equals("0")) {
            problems.add("tabindex=" + attribute.getValue() + " on <" + name + ">");
          }
        } else if (!name.equals("a") || !(attr.equals("href") || attr.equals("rel"))) {
          problems.add("attribute " + attr + " on <" + name + ">");
        } else if (attr.equals("href")) {
          String scheme = scheme(attribute.getValue());
          if (scheme != null && !SCHEMES.contains(scheme)) {
            problems.add(scheme + ": link " + attribute.getValue());
          }
        }
      }
      if (name.equals("a")
          && !Arrays.asList(e.attr("rel").split("\\s+"))
              .containsAll(List.of("nofollow", "ugc", "noopener"))) {
        problems.add("link without nofollow ugc noopener: " + e.attr("rel"));
      }
    }
    // The sanitiser breaks up "{{" with an empty comment (against client-side template
    // injection); any other comment could be an old browser's conditional one.
    body.forEachNode(
        n -> {
          if (n instanceof Comment c && !c.getData().isBlank()) {
            problems.add("comment " + c.outerHtml());
          }
        });
    return problems;
  }

  /**
   * The scheme a browser reads in an href (already entity-decoded by the parser), lower-cased, or
   * null for a relative address: leading and trailing C0 controls and spaces stripped, tabs and
   * line breaks removed, then an ASCII letter and letters, digits, '+', '-', '.' up to a ':'.
   */
  static String scheme(String value) {
    String v =
        value.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
    int colon = v.indexOf(':');
    if (colon <= 0 || !v.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return null;
    }
    return v.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** The checks above can fail: each rule sees what it is there for. */
  @Test
  void theChecksSeeActiveContent() {
    assertTrue(
        problems("<p>a <em>b</em> <a href=\"/x\" rel=\"nofollow ugc noopener\">c</a></p>")
            .isEmpty());
    assertTrue(problems("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>").isEmpty());
    assertEquals(1, problems("<script>alert(1)</script>").size());
    assertEquals(1, problems("<img src=x>").size());
    assertEquals(1, problems("<p onclick=x>a</p>").size());
    assertEquals(1, problems("<p style=\"color:red\">a</p>").size());
    assertEquals(
        1, problems("<a href=\"jav&#x09;ascript:x\" rel=\"nofollow ugc noopener\">a</a>").size());
    assertEquals(
        1,
        problems("<a href=\" &#14;&#106;avascript:x\" rel=\"nofollow ugc noopener\">a</a>").size());
    assertEquals(1, problems("<a href=\"https://example.org/\">a</a>").size());
    assertEquals(1, problems("<a href=\"/\" rel=\"nofollow nofollow\">a</a>").size());
    assertEquals(1, problems("<p><!--[if IE]>x<![endif]--></p>").size());
    assertTrue(problems("<p>{<!-- -->{x}}</p>").isEmpty());
    assertEquals("javascript", scheme("\u0001 JaVa\tScript:x"));
    assertEquals(null, scheme("//example.org/x"));
    assertEquals(null, scheme("/a:b"));
  }
}
