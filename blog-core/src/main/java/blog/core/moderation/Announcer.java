package blog.core.moderation;

import blog.core.comment.Comment;
import blog.core.comment.CommentNotifications;
import blog.core.comment.CommentRepository;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import java.time.Clock;
import java.util.List;

/**
 * Tells a post's follow-up subscribers about comments a moderator made public. Runs inside the
 * moderation transaction, so the mails are queued if and only if the change commits; the caller
 * runs {@link CommentNotifications#afterCommit()} when this returned more than 0.
 */
final class Announcer {
  private final ModerationRepository queue;
  private final CommentRepository comments;
  private final PostRepository posts;
  private final CommentNotifications notifications;
  private final Clock clock;

  Announcer(
      ModerationRepository queue,
      CommentRepository comments,
      PostRepository posts,
      CommentNotifications notifications,
      Clock clock) {
    this.queue = queue;
    this.comments = comments;
    this.posts = posts;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Announces those of {@code ids} that are public and never were before; returns how many. */
  int announce(List<Long> ids) {
    int told = 0;
    for (long id : ids) {
      if (queue.markAnnounced(id, clock.instant())) {
        Comment comment = comments.findById(id).orElseThrow();
        announced(comment, posts.findById(comment.postId()).orElseThrow());
        told++;
      }
    }
    return told;
  }

  /** Tells subscribers about a comment that was stored public (and so marked announced). */
  void announced(Comment comment, Post post) {
    notifications.approved(comment, post);
  }

  /** Tells the post's author and subscribers about a reply staff wrote from the admin. */
  void staffReplied(Comment comment, Post post) {
    notifications.staffReplied(comment, post);
  }

  void afterCommit() {
    notifications.afterCommit();
  }
}
