package blog.core.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.db.Transactions;
import blog.core.identity.UserRepository;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.text.MarkdownRenderer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeedContentTest extends DatabaseTestBase {
  @Test
  void seedsTheArticleAndItsTwoResponsesOnlyOnce() {
    var jdbi = db.database().jdbi();
    PostRepository posts = new PostRepository(jdbi);
    CommentRepository comments = new CommentRepository(jdbi);
    SeedContent seed =
        new SeedContent(
            new Transactions(jdbi),
            new UserRepository(jdbi),
            posts,
            comments,
            new SettingsRepository(jdbi),
            new MarkdownRenderer(),
            new CommentRenderer());

    assertTrue(seed.seedIfEmpty(Instant.now()));
    assertFalse(seed.seedIfEmpty(Instant.now()), "a seeded blog is left alone");

    assertEquals(1, posts.count());
    Post post = posts.findVisibleBySlug(SeedContent.SLUG, Instant.now()).orElseThrow();
    assertEquals(SeedContent.TITLE, post.title());
    assertTrue(post.bodyHtml().contains("I propose anyone starting out now"), post.bodyHtml());
    assertEquals(9, post.bodyHtml().split("<p>").length - 1, "nine paragraphs");
    var responses = comments.listApproved(post.id());
    assertEquals(2, responses.size());
    assertTrue(responses.get(0).bodyHtml().contains("As a newbie"));
    assertTrue(responses.get(1).bodyHtml().contains("How sincere is it"));
  }
}
