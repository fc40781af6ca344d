package blog.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentDraft;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.web.testing.ActiveContent;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** {@code discussion.avatars} over HTTP: local identicons by default, Gravatar when chosen. */
class AvatarSettingTest extends WebTestBase {
  private static final String EMAIL = "ava.avatar@example.org";

  private SettingsRepository settings;
  private String permalink;
  private long withEmail;
  private long withoutEmail;

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
    long post =
        fixtures.post(
            fixtures.author("Host"),
            "Faces",
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(3600));
    Post p = new PostRepository(db.database().jdbi()).findById(post).orElseThrow();
    permalink =
        "/"
            + DateTimeFormatter.ofPattern("yyyy/MM/dd")
                .format(p.publishedAt().atZone(ZoneOffset.UTC))
            + "/"
            + p.slug()
            + "/";
    withEmail = comment(post, "Ava", EMAIL);
    withoutEmail = comment(post, "Noe", null);
  }

  @Test
  void byDefaultEveryAvatarIsDrawnHereAndNothingPointsAtGravatar() {
    db.database()
        .jdbi()
        .useHandle(
            h -> h.execute("DELETE FROM settings WHERE name = ?", DiscussionSettings.AVATARS));
    String page = server.page(permalink);
    Document doc = Jsoup.parse(page);
    assertEquals(Avatars.url("Ava"), avatar(doc, withEmail));
    assertEquals(Avatars.url("Noe"), avatar(doc, withoutEmail));
    assertFalse(page.toLowerCase(Locale.ROOT).contains("gravatar"), "no reference to Gravatar");
    assertFalse(page.contains(sha256(EMAIL)), "no email hash either");
  }

  @Test
  void identiconIsTheDefaultSpelledOut() {
    settings.putAll(Map.of(DiscussionSettings.AVATARS, "identicon"));
    String page = server.page(permalink);
    assertEquals(Avatars.url("Ava"), avatar(Jsoup.parse(page), withEmail));
    assertFalse(page.toLowerCase(Locale.ROOT).contains("gravatar"));
  }

  @Test
  void withGravatarChosenCommentsWithAnEmailShowTheirGravatar() {
    settings.putAll(Map.of(DiscussionSettings.AVATARS, "gravatar"));
    String page = server.page(permalink);
    Document doc = Jsoup.parse(page);
    assertEquals(
        "https://www.gravatar.com/avatar/" + sha256(EMAIL) + "?s=96&d=identicon",
        avatar(doc, withEmail));
    assertEquals(Avatars.url("Noe"), avatar(doc, withoutEmail), "no email, local identicon");
    assertFalse(page.contains(EMAIL), "the email itself is still never shown");
    assertTrue(page.contains("?s=96&amp;d=identicon"), "the URL is escaped in the attribute");
    assertEquals(List.of(), ActiveContent.find(page));
  }

  private static String avatar(Document doc, long commentId) {
    return doc.selectFirst("#comment-" + commentId + " img.avatar").attr("src");
  }

  private long comment(long post, String name, String email) {
    return new CommentRepository(db.database().jdbi())
        .insert(
            new CommentDraft(
                post,
                null,
                name,
                email,
                null,
                null,
                null,
                "Hello from " + name,
                "<p>Hello from " + name + "</p>",
                CommentStatus.APPROVED,
                null,
                TestServer.NOW.minusSeconds(60),
                "192.0.2.3",
                "test",
                null));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
