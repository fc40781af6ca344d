package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.seed.SeedContent;
import blog.core.text.MarkdownRenderer;
import blog.web.testing.StaffBrowsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gallery of the seed blog ({@link ScreenshotGallery}), with a post whose discussion goes eight
 * replies deep and carries a word too long for a phone, a wide table, and a page.
 */
class SeedBlogGalleryTest extends ScreenshotGallery {
  private long busyPost;
  private String page;
  private User admin;

  @Override
  protected void prepare() {
    Instant at = Instant.now().minus(3, ChronoUnit.DAYS);
    long author = fixtures.author("Tess Threads");
    busyPost =
        fixtures.post(
            author,
            "A discussion that goes deep",
            PostStatus.PUBLISHED,
            at,
            List.of("Conversations", "Social Media"),
            List.of("threads"));
    String body =
        "People answered each other for a while, with words like "
            + LONG_WORD
            + ". Here is the table they argued over:\n\n"
            + "| Plan | Reach | Replies | Shares | Notes |\n|---|---|---|---|---|\n"
            + "| Quantity | 12,000 | 14 | 3 | Many readers, few of them staying |\n"
            + "| Quality | 900 | 212 | 48 | Conversations that last |\n";
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE posts SET body_markdown = :md, body_html = :html WHERE id = :id")
                    .bind("md", body)
                    .bind("html", new MarkdownRenderer().render(body))
                    .bind("id", busyPost)
                    .execute());
    Long parent = null;
    for (int depth = 1; depth <= 8; depth++) {
      parent =
          fixtures.comment(
              busyPost,
              parent,
              depth % 2 == 0 ? "Rob Replies" : "Rita Responds",
              depth == 4
                  ? "A word too long for a phone: "
                      + LONG_WORD
                      + " and a link https://example.org/"
                      + "a/very/long/path/that/does/not/break/anywhere/on/its/own/at/all"
                  : "Reply at depth " + depth + ", with a few more words to wrap a line or two.",
              at.plusSeconds(60L * depth));
    }
    for (int i = 1; i <= 6; i++) {
      fixtures.comment(
          busyPost, null, "Reader " + i, "Another view, number " + i + ".", at.plusSeconds(i));
    }
    long pageId =
        fixtures.postWithBody(
            author, "About this blog", "Who writes here, and why.", PostStatus.PUBLISHED, at);
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE posts SET post_type = 'page' WHERE id = :id")
                    .bind("id", pageId)
                    .execute());
    page =
        "/" + new PostRepository(db.database().jdbi()).findById(pageId).orElseThrow().slug() + "/";
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Gail Gallery");
  }

  @Test
  void theSeedBlog() {
    List<String> problems =
        gallery(
            "seed",
            ReaderJourneyTest.SEED,
            permalinkOf(busyPost),
            page,
            "/?s=networking",
            admin,
            postId(SeedContent.SLUG));
    assertTrue(problems.isEmpty(), "the seed blog's pages:\n  " + String.join("\n  ", problems));
  }
}
