package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.post.PostStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Struck-out words stay struck out: {@code ~~text~~} typed in a comment, and {@code <del>}, {@code
 * <s>} and {@code <strike>} in a post (as WordPress exports hold them), after the sanitisers. (How
 * an imported comment's tags become {@code ~~}: CommentHtmlTest.)
 */
class StrikethroughTest extends BrowserTestBase {
  private String permalink;

  @Override
  protected void prepare() {
    Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
    long post =
        fixtures.postWithBody(
            fixtures.author("Sam Strike"),
            "Corrections",
            "It costs <del>ten</del> <s>nine</s> <strike>eight</strike> seven pounds.",
            PostStatus.PUBLISHED,
            at);
    permalink = permalinkOf(post);
    fixtures.comment(post, null, "Cora", "I was ~~wrong~~ right, about ~5 of them.", at);
  }

  @Test
  void struckOutWordsShowAsStruckOutInPostsAndComments() {
    open(permalink);
    assertEquals(
        List.of("ten", "nine", "eight", "wrong"),
        js(
            "return [...document.querySelectorAll('.entry-content :is(del, s),"
                + " .comment-content :is(del, s)')]"
                + ".filter(e => getComputedStyle(e).textDecorationLine.includes('line-through'))"
                + ".map(e => e.textContent);"));
    assertEquals(
        "I was wrong right, about ~5 of them.",
        js("return document.querySelector('.comment-content').textContent.trim()"),
        "one tilde stays a tilde");
    checkPageAndAccessibility("a post and a comment with struck-out words");
  }
}
