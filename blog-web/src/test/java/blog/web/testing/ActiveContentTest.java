package blog.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker behind every XSS test must both see live markup and leave inert markup alone. */
class ActiveContentTest {
  private static void active(String html) {
    assertTrue(!ActiveContent.find(html).isEmpty(), "should be active: " + html);
  }

  private static void inert(String html) {
    assertEquals(List.of(), ActiveContent.find(html), html);
  }

  @Test
  void elementsOutsideTheBlogsVocabularyAreActive() {
    active("<svg><g></g></svg>");
    active("<iframe srcdoc=x></iframe>");
    active("<math><mtext>x</mtext></math>");
    active("<style>p{}</style>");
    active("<base href=\"/\">");
    inert("<article><p><em>a</em> <code>b</code></p></article>");
  }

  @Test
  void attributesOutsideTheVocabularyAreActive() {
    active("<p onclick=\"x()\">a</p>");
    active("<P ONCLICK=x>a</P>");
    active("<p style=\"background:url(javascript:x)\">a</p>");
    active("<a xlink:href=\"/x\">a</a>");
    inert("<p class=\"c\" id=\"i\" lang=\"en\">a</p>");
  }

  @Test
  void escapedMarkupAndTextOnlyElementsAreInert() {
    inert("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    inert("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    // A browser reads a textarea's or title's content as text, never as tags...
    inert("<textarea><script>alert(1)</script><img src=x onerror=y></textarea>");
    inert("<title><svg onload=x></title>");
    // ...unless it ends the element first.
    active("<textarea></textarea><script>alert(1)</script></textarea>");
    inert("<!-- <script>alert(1)</script> -->");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/x",
        "x.html",
        "../x?y=1#z",
        "//example.org/x",
        "#comment-1",
        "?replytocom=2",
        "http://example.org/",
        "HTTPS://example.org/",
        "mailto:a@example.org",
        "",
        // A percent-encoded colon ends no scheme: a browser reads a relative path.
        "javascript%3Aalert(1)",
        "`javascript:alert(1)`",
        "./javascript:alert(1)",
        "1javascript:alert(1)"
      })
  void relativeAndWebAddressesAreInert(String url) {
    assertTrue(ActiveContent.safeUrl(url), url);
    String attribute = url.replace("&", "&amp;").replace("\"", "&quot;");
    inert("<a href=\"" + attribute + "\">a</a><img src=\"" + attribute + "\" alt=\"\">");
    inert("<form action=\"" + attribute + "\" method=\"post\"></form>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "jav&Tab;ascript:alert(1)",
        "jav&#10;ascript:alert(1)",
        "jav&#13;ascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#0000106&#0000097vascript:alert(1)",
        "&#x6A;&#x61;vascript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#58;alert(1)",
        " &#14; javascript:alert(1)",
        "\njavascript:alert(1)",
        "java\nscript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,x",
        "data:image/svg+xml,x",
        "feed:javascript:alert(1)"
      })
  void schemesAreReadAfterDecodingAndDroppingWhatBrowsersIgnore(String url) {
    active("<a href=\"" + url + "\">a</a>");
    active("<img src=\"" + url + "\">");
    active("<form action=\"" + url + "\"></form>");
    active("<a href='" + url + "'>a</a>");
  }

  @Test
  void theSchemeIsReadAsTheUrlStandardDoes() {
    assertEquals("javascript", ActiveContent.scheme("\u0001 \tJava\nScript:x"));
    assertEquals("data", ActiveContent.scheme("data:x"));
    assertNull(ActiveContent.scheme("//example.org/x"));
    assertNull(ActiveContent.scheme("/a:b"));
    assertNull(ActiveContent.scheme("java script:x"));
    assertNull(ActiveContent.scheme("javascript"));
  }

  @Test
  void onlyOurAssetScriptsAndWholeJsonLdBlocksAreInert() {
    active("<script>alert(1)</script>");
    active("<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>");
    active("<script src=\"//xss.example/x.js\"></script>");
    active("<script src=\"/assets/app.js\" onload=\"x()\"></script>");
    active("<script type=\"module\" src=\"/assets/app.js\"></script>");
    inert("<script src=\"/assets/comments.js\" defer></script>");
    inert("<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\"}</script>");
    // A JSON-LD block cut short by "</script>" in its text, or playing with "<!--", is not ours.
    active("<script type=\"application/ld+json\">{\"name\":\"</script><p>x</p>\"}</script>");
    active("<script type=\"application/ld+json\">{\"name\":\"<!--\"}</script>");
  }

  @Test
  void microdataNamesOnlySchemaOrgTypes() {
    active("<div itemscope itemtype=\"https://evil.example/T\"></div>");
    inert("<div itemscope itemtype=\"https://schema.org/Comment\"></div>");
  }

  @Test
  void feedsAreCheckedOnlyWhereReadersRenderHtml() {
    String atom =
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><entry>
        <title type="text">&lt;script&gt;alert(1)&lt;/script&gt;</title>
        <summary>&lt;img src=x onerror=alert(1)&gt;</summary>
        <content type="html">&lt;p&gt;&lt;img src=x onerror=alert(2)&gt;&lt;/p&gt;</content>
        <rights type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b onclick="x()">r</b></div></rights>
        </entry></feed>
        """;
    List<String> atomParts = FeedMarkup.htmlParts(Xml.parse(atom));
    assertEquals(2, atomParts.size(), atomParts.toString());
    assertEquals(1, ActiveContent.find(atomParts.get(0)).size(), atomParts.get(0));
    assertEquals(
        List.of("attribute onclick in <b onclick=\"x()\">"), ActiveContent.find(atomParts.get(1)));
    String safeXhtml =
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml">
        <div xmlns="http://www.w3.org/1999/xhtml"><p>&lt;script&gt;</p></div></content></entry></feed>
        """;
    inert(String.join("", FeedMarkup.htmlParts(Xml.parse(safeXhtml))));
    String rss =
        """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <title>&lt;script&gt;alert(0)&lt;/script&gt;</title><description>blog</description>
        <item><title>&lt;b onclick=x&gt;</title>
        <description>&lt;script&gt;alert(1)&lt;/script&gt;</description>
        <content:encoded><![CDATA[<p>fine</p><a href="javascript:x">a</a>]]></content:encoded>
        </item></channel></rss>
        """;
    List<String> rssParts = FeedMarkup.htmlParts(Xml.parse(rss));
    assertEquals(3, rssParts.size(), rssParts.toString());
    inert(rssParts.get(0));
    active(rssParts.get(1));
    active(rssParts.get(2));
  }
}
