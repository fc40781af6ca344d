package blog.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.web.post.FormTokens;
import blog.web.security.Csrf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CachedPageTest {
  private static final String CSRF = Csrf.TOKEN_PLACEHOLDER;

  private static String form(long postId) {
    return FormTokens.PLACEHOLDER_PREFIX + postId + "@@";
  }

  @Test
  void placeholdersAreFilledPerVisitorAndLookAlikesStayText() {
    String decoys =
        "@@ @@@ @@form-token-@@ @@form-token-12x@@ @@form-token-1234567890123456789@@"
            + " @@csrf-token-placeholder @@form-token-٣@@ é";
    String html =
        "<p>"
            + decoys
            + "</p><input value=\""
            + CSRF
            + "\"><input value=\""
            + form(7)
            + "\">"
            + CSRF
            + form(42)
            + "@@";
    CachedPage page = CachedPage.of(html);
    List<Long> asked = new ArrayList<>();
    int[] csrfAsked = {0};
    byte[] out =
        page.render(
            () -> {
              csrfAsked[0]++;
              return "TOKEN";
            },
            postId -> {
              asked.add(postId);
              return "FORM" + postId;
            });
    assertEquals(
        "<p>" + decoys + "</p><input value=\"TOKEN\"><input value=\"FORM7\">TOKENFORM42@@",
        new String(out, StandardCharsets.UTF_8));
    assertEquals(1, csrfAsked[0], "the CSRF token is made once per answer");
    assertEquals(List.of(7L, 42L), asked);
    assertEquals(
        html.getBytes(StandardCharsets.UTF_8).length
            - 2 * CSRF.length()
            - form(7).length()
            - form(42).length(),
        page.length());
  }

  @Test
  void aPageWithoutPlaceholdersIsItsOwnBytes() {
    CachedPage page = CachedPage.of("<p>nothing personal ü</p>");
    assertEquals(
        "<p>nothing personal ü</p>",
        new String(
            page.render(
                () -> {
                  throw new AssertionError("not asked");
                },
                postId -> {
                  throw new AssertionError("not asked");
                }),
            StandardCharsets.UTF_8));
  }

  @Test
  void aLargePageIsWrittenInPartsFromSharedTextAndEachAnswerGetsItsOwnView() {
    String filler = "<p>" + "ü words ".repeat(CachedPage.WRITTEN_IN_PARTS / 8) + "</p>";
    String html = filler + "<input value=\"" + CSRF + "\">" + filler + form(9) + "<end>";
    CachedPage page = CachedPage.of(html);
    String expected = filler + "<input value=\"T\">" + filler + "F9<end>";
    for (int visitor = 0; visitor < 2; visitor++) {
      List<ByteBuffer> parts = page.parts(() -> "T", postId -> "F" + postId);
      ByteBuffer joined = ByteBuffer.allocate(expected.getBytes(StandardCharsets.UTF_8).length);
      parts.forEach(joined::put);
      assertEquals(0, joined.remaining(), "the parts are the whole page");
      assertEquals(expected, new String(joined.array(), StandardCharsets.UTF_8));
    }
    assertEquals(
        expected,
        new String(page.render(() -> "T", postId -> "F" + postId), StandardCharsets.UTF_8));
  }

  @Test
  void theGzipAnswerIsThePageWithTheVisitorsTokensWhateverItsShape() throws Exception {
    String filler = "<p>" + "ü words ".repeat(CachedPage.WRITTEN_IN_PARTS / 8) + "</p>";
    List<String> pages =
        List.of(
            "<p>no placeholder at all</p>",
            "",
            CSRF + "<p>a token first</p>" + form(3),
            filler + "<input value=\"" + CSRF + "\">" + filler + form(9) + filler,
            CSRF + CSRF + form(1) + form(2));
    for (String html : pages) {
      CachedPage page = CachedPage.of(html);
      String expected =
          new String(page.render(() -> "T", postId -> "F" + postId), StandardCharsets.UTF_8);
      for (int visitor = 0; visitor < 2; visitor++) {
        List<ByteBuffer> parts = page.gzipParts(() -> "T", postId -> "F" + postId);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        for (ByteBuffer part : parts) {
          byte[] bytes = new byte[part.remaining()];
          part.get(bytes);
          zipped.write(bytes);
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.toByteArray()))) {
          assertEquals(expected, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        if (html.length() > CachedPage.WRITTEN_IN_PARTS) {
          assertTrue(zipped.size() < html.length() / 4, "compressed: " + zipped.size());
        }
      }
    }
  }
}
