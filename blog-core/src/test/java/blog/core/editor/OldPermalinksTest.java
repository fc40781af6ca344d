package blog.core.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.Post;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OldPermalinksTest extends DatabaseTestBase {
  private EditorKit kit;
  private Actor ada;

  @Override
  protected void prepare() {
    kit = new EditorKit(db.database().jdbi(), Instant.parse("2031-07-01T08:00:00Z"));
    ada = kit.author("Ada");
  }

  @Test
  void theOldSlugOfAPublishedPostLeadsToIt() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("Before"), "text"));
    String old = post.slug();
    Post renamed = kit.update(ada, post, kit.formOf(post).slug(old + "-after"));
    assertEquals(old + "-after", renamed.slug());
    assertEquals(renamed, kit.oldPermalinks.findByOldSlug(old).orElseThrow());
    Post again = kit.update(ada, renamed, kit.formOf(renamed).slug(old + "-third"));
    assertEquals(again.id(), kit.oldPermalinks.findByOldSlug(old).orElseThrow().id());
    assertEquals(again.id(), kit.oldPermalinks.findByOldSlug(old + "-after").orElseThrow().id());
  }

  @Test
  void unpublishedPostsLeaveNoRedirects() {
    Post draft = kit.create(ada, Form.draft(Fixtures.unique("Draft"), ""));
    kit.update(ada, draft, kit.formOf(draft).slug(draft.slug() + "-x"));
    assertTrue(kit.redirects.oldSlugsOf(draft.id()).isEmpty());
    Post scheduled =
        kit.create(
            ada,
            Form.draft(Fixtures.unique("Future"), "")
                .status(blog.core.post.PostStatus.SCHEDULED)
                .publishAt(kit.clock.instant().plus(Duration.ofDays(1))));
    kit.update(ada, scheduled, kit.formOf(scheduled).slug(scheduled.slug() + "-x"));
    assertTrue(kit.redirects.oldSlugsOf(scheduled.id()).isEmpty());
  }

  @Test
  void aRedirectLeadsOnlyToAPostReadersMaySee() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("Hidden"), ""));
    Post renamed = kit.update(ada, post, kit.formOf(post).slug(post.slug() + "-new"));
    kit.update(ada, renamed, kit.formOf(renamed).status(blog.core.post.PostStatus.DRAFT));
    assertTrue(kit.oldPermalinks.findByOldSlug(post.slug()).isEmpty());
    assertEquals(List.of(post.slug()), kit.redirects.oldSlugsOf(post.id()), "kept for later");
  }

  @Test
  void aLiveSlugWinsOverARedirect() {
    Post first = kit.create(ada, Form.published(Fixtures.unique("Taken"), ""));
    String old = first.slug();
    kit.update(ada, first, kit.formOf(first).slug(old + "-moved"));
    Post newcomer = kit.create(ada, Form.published("Newcomer", "").slug(old));
    assertEquals(old, newcomer.slug(), "a former slug is free to take");
    assertTrue(kit.redirects.postFor(old).isEmpty(), "its redirect is dropped");
  }

  @Test
  void goingBackToAnOldSlugDropsItsRedirect() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("Back"), ""));
    Post moved = kit.update(ada, post, kit.formOf(post).slug(post.slug() + "-moved"));
    Post back = kit.update(ada, moved, kit.formOf(moved).slug(post.slug()));
    assertEquals(post.slug(), back.slug());
    assertEquals(List.of(post.slug() + "-moved"), kit.redirects.oldSlugsOf(post.id()));
  }

  @Test
  void oddInputFindsNothing() {
    assertTrue(kit.oldPermalinks.findByOldSlug(null).isEmpty());
    assertTrue(kit.oldPermalinks.findByOldSlug("x".repeat(5000)).isEmpty());
    assertTrue(kit.oldPermalinks.findByOldSlug("' OR 1=1 --").isEmpty());
  }
}
