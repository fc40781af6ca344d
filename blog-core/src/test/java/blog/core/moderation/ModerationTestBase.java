package blog.core.moderation;

import blog.core.comment.Comment;
import blog.core.comment.CommentDraft;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentNotifications;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.db.Transactions;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;

/** A moderation queue on a real database, with notifications recorded rather than mailed. */
abstract class ModerationTestBase extends DatabaseTestBase {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  /** What the queue told subscribers about, in order. */
  static final class RecordingNotifications implements CommentNotifications {
    final List<Long> approved = new CopyOnWriteArrayList<>();
    final AtomicInteger afterCommits = new AtomicInteger();

    @Override
    public void stored(Comment comment, Post post, CommentForm form) {
      throw new AssertionError("moderation stores no guest comments");
    }

    @Override
    public void approved(Comment comment, Post post) {
      if (comment.status() != CommentStatus.APPROVED || comment.postId() != post.id()) {
        throw new AssertionError("announced " + comment + " on " + post);
      }
      approved.add(comment.id());
    }

    @Override
    public void afterCommit() {
      afterCommits.incrementAndGet();
    }
  }

  final RecordingNotifications notifications = new RecordingNotifications();
  final MutableClock clock = new MutableClock(NOW);
  ModerationQueue moderation;
  CommentRepository comments;
  PostRepository posts;
  SettingsRepository settings;
  UserRepository users;
  Fixtures fixtures;
  User admin;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    comments = new CommentRepository(jdbi);
    posts = new PostRepository(jdbi);
    settings = new SettingsRepository(jdbi);
    users = new UserRepository(jdbi);
    fixtures = new Fixtures(jdbi);
    moderation =
        new ModerationQueue(
            new QueueRepository(jdbi),
            new ModerationRepository(jdbi),
            comments,
            posts,
            settings,
            new CommentRenderer(),
            new Transactions(jdbi),
            notifications,
            clock);
    admin = user(Role.ADMIN, "Ada Admin");
  }

  @BeforeEach
  void forgetNotifications() {
    notifications.approved.clear();
    notifications.afterCommits.set(0);
    clock.set(NOW);
  }

  User user(Role role, String displayName) {
    long id =
        users.insert(
            Fixtures.unique("staff"),
            displayName,
            Fixtures.unique("staff") + "@Example.org",
            role,
            Instant.EPOCH);
    return users.findById(id).orElseThrow();
  }

  long post(User author) {
    return fixtures.post(
        author.id(), Fixtures.unique("Post"), PostStatus.PUBLISHED, NOW.minusSeconds(86_400));
  }

  long comment(long postId, CommentStatus status, Instant at) {
    return fixtures.comment(postId, null, Fixtures.unique("Guest"), "Hello.", at, status);
  }

  long comment(long postId, Long parentId, CommentStatus status) {
    return fixtures.comment(
        postId, parentId, Fixtures.unique("Guest"), "Hello.", NOW.minusSeconds(600), status);
  }

  /** A guest comment with all a moderator wants to know about it. */
  long detailedComment(long postId, Long identityId, String heldReason) {
    return comments.insert(
        new CommentDraft(
            postId,
            null,
            "Gus Guest",
            "gus@example.org",
            "https://gus.example",
            identityId,
            null,
            "Look at *this*.",
            new CommentRenderer().render("Look at *this*."),
            CommentStatus.PENDING,
            heldReason,
            NOW.minusSeconds(60),
            "192.0.2.7",
            "Mozilla/5.0 (Test)",
            null));
  }

  Comment stored(long id) {
    return comments.findById(id).orElseThrow();
  }

  CommentStatus status(long id) {
    return stored(id).status();
  }
}
