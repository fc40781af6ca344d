package blog.core.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.ThreadedComment;
import blog.core.identity.IdentityRepository;
import blog.core.identity.UserRepository;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.taxonomy.TermRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The answer to an in-place comment: one comment, at the depth the whole thread would give it. */
class CommentAloneTest extends DatabaseTestBase {
  private static final Instant AT = Instant.parse("2024-06-12T00:00:00Z");
  private BlogReader reader;
  private CommentRepository comments;
  private Post post;
  private Post other;
  private long ann;
  private long bob;
  private long held;
  private long underHeld;
  private long spam;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    PostRepository posts = new PostRepository(jdbi);
    comments = new CommentRepository(jdbi);
    reader =
        new BlogReader(
            posts,
            new TermRepository(jdbi),
            comments,
            new UserRepository(jdbi),
            new IdentityRepository(jdbi),
            new SettingsRepository(jdbi),
            Clock.fixed(AT.plusSeconds(3600), ZoneOffset.UTC));
    Fixtures f = new Fixtures(jdbi);
    long author = f.author("Linus");
    long id = f.post(author, "Threads", PostStatus.PUBLISHED, AT.minusSeconds(60));
    post = posts.findById(id).orElseThrow();
    other = posts.findById(f.post(author, "Other", PostStatus.PUBLISHED, AT)).orElseThrow();
    ann = f.comment(id, null, "Ann", "Top", AT);
    bob = f.comment(id, ann, "Bob", "Reply", AT.plusSeconds(1));
    held = f.comment(id, bob, "Cy", "Held", AT.plusSeconds(2), CommentStatus.PENDING);
    underHeld = f.comment(id, held, "Dee", "Under", AT.plusSeconds(3));
    spam = f.comment(id, null, "Eve", "Spam", AT.plusSeconds(4), CommentStatus.SPAM);
  }

  @Test
  void approvedCommentsSitUnderTheirApprovedParents() {
    assertEquals(1, depthOf(ann, Set.of()));
    assertEquals(2, depthOf(bob, Set.of()));
  }

  @Test
  void aHeldCommentIsThereOnlyForTheBrowserThatWroteIt() {
    assertTrue(shown(post, held, Set.of()).isEmpty());
    assertEquals(3, depthOf(held, Set.of(held)));
  }

  @Test
  void underAHeldParentACommentIsAtTheTopForOthersAndNestedForTheParentsAuthor() {
    assertEquals(1, depthOf(underHeld, Set.of()));
    assertEquals(4, depthOf(underHeld, Set.of(held)));
    // As deep as the whole thread puts it for that browser.
    ThreadedComment whole = reader.detail(post, Set.of(held)).comments().get(0);
    for (int i = 0; i < 3; i++) {
      whole = whole.replies().get(0);
    }
    assertEquals(underHeld, whole.comment().id());
    assertEquals(4, whole.depth());
  }

  @Test
  void spamAndCommentsOfAnotherPostAreNotShown() {
    assertTrue(shown(post, spam, Set.of(spam)).isEmpty());
    assertTrue(shown(other, ann, Set.of()).isEmpty());
  }

  /** The comment as the in-place answer shows it, read as the handler has it: just stored. */
  private Optional<CommentAlone> shown(Post on, long commentId, Set<Long> own) {
    return reader.shownComment(on, comments.findById(commentId).orElseThrow(), own);
  }

  private int depthOf(long commentId, Set<Long> own) {
    CommentAlone alone = shown(post, commentId, own).orElseThrow();
    assertTrue(alone.comment().replies().isEmpty());
    assertEquals(commentId, alone.comment().comment().id());
    return alone.comment().depth();
  }
}
