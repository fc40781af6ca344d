package blog.core.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.FieldError;
import blog.core.identity.Role;
import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.post.PostType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostChangesTest {
  private static final Instant NOW = Instant.parse("2031-01-01T00:00:00Z");
  private static final Actor AUTHOR = new Actor(7, Role.AUTHOR);

  private static PostChanges.Checked check(Form form) {
    return PostChanges.from(form.build(), AUTHOR, null, NOW);
  }

  @Test
  void fieldsAreCleanedAndNormalised() {
    PostChanges c =
        check(
                Form.draft("  Title\twith tab  ", "line\r\nnext")
                    .slug("  My-Slug ")
                    .categories(" Deep   Thoughts ", "deep thoughts", "")
                    .tags("A", "a"))
            .changes();
    assertEquals("Title with tab", c.text().title());
    assertEquals("line\nnext", c.text().bodyMarkdown());
    assertEquals("my-slug", c.slug(), "upper case is lowered, not refused");
    assertEquals(List.of("Deep Thoughts"), c.categories());
    assertEquals(List.of("A"), c.tags());
    assertEquals(AUTHOR.userId(), c.authorId());
  }

  @Test
  void lineAndParagraphSeparatorsAndC1ControlsInATitleBecomeSpaces() {
    PostChanges c =
        check(Form.draft("One\u2028Two\u2029Three\u0085Four", "").categories("News\u2028Desk"))
            .changes();
    assertEquals("One Two Three Four", c.text().title());
    assertEquals(List.of("News Desk"), c.categories());
  }

  @Test
  void aBlankSlugMeansOneFromTheTitle() {
    assertNull(check(Form.draft("T", "").slug("  ")).changes().slug());
  }

  @Test
  void slugsWithOtherCharactersAreRefused() {
    for (String slug : List.of("a b", "a--b", "-a", "a-", "a/b", "é", "a_b", "../x", "a%20b")) {
      PostChanges.Checked checked = check(Form.draft("T", "").slug(slug));
      assertEquals(
          List.of("slug"), checked.errors().stream().map(FieldError::field).toList(), slug);
    }
  }

  @Test
  void aVeryLongBodyIsRefused() {
    PostChanges.Checked checked = check(Form.draft("T", "x".repeat(PostChanges.MAX_BODY + 1)));
    assertEquals("body", checked.errors().get(0).field());
  }

  @Test
  void tooManyTermsAreRefused() {
    String[] names = new String[PostChanges.MAX_TERMS + 1];
    for (int i = 0; i < names.length; i++) {
      names[i] = "tag " + i;
    }
    assertEquals("tags", check(Form.draft("T", "").tags(names)).errors().get(0).field());
  }

  @Test
  void publishingKeepsTheDateOfAVisiblePostOnly() {
    Instant then = Instant.parse("2030-06-01T00:00:00Z");
    Post visible = post(PostStatus.PUBLISHED, then);
    Post unpublished = post(PostStatus.DRAFT, then);
    Form publish = Form.published("T", "");
    assertEquals(
        then, PostChanges.from(publish.build(), AUTHOR, visible, NOW).changes().publishedAt());
    assertEquals(
        NOW, PostChanges.from(publish.build(), AUTHOR, unpublished, NOW).changes().publishedAt());
    assertTrue(PostChanges.from(publish.build(), AUTHOR, null, NOW).ok());
  }

  @Test
  void aDraftKeepsTheTimeGiven() {
    Instant at = NOW.plusSeconds(3600);
    assertEquals(at, check(Form.draft("T", "").publishAt(at)).changes().publishedAt());
    assertNull(check(Form.draft("T", "")).changes().publishedAt());
  }

  private static Post post(PostStatus status, Instant publishedAt) {
    return new Post(
        1,
        "s",
        "T",
        "",
        "",
        "",
        status,
        AUTHOR.userId(),
        true,
        publishedAt,
        NOW,
        NOW,
        1,
        PostType.POST);
  }
}
