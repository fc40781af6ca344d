package blog.core.comment;

import blog.core.post.Post;

/**
 * Who hears about a comment: the post's author, confirmed follow-up subscribers, and the
 * commenter's own subscription requests. Called inside the transaction that stores the comment, so
 * notifications are queued if and only if the comment is stored.
 */
public interface CommentNotifications {
  /** A comment was just stored (any status) from {@code form}. */
  void stored(Comment comment, Post post, CommentForm form);

  /** A comment became public (at once, or later by a moderator). */
  void approved(Comment comment, Post post);

  /**
   * Staff replied from the admin (stored public): the post's author hears of it unless they wrote
   * it, and follow-up subscribers as for any public comment.
   */
  default void staffReplied(Comment comment, Post post) {
    approved(comment, post);
  }

  /** After the storing transaction committed: a good moment to send. */
  default void afterCommit() {}

  /** For a blog without mail. */
  CommentNotifications NONE =
      new CommentNotifications() {
        @Override
        public void stored(Comment comment, Post post, CommentForm form) {}

        @Override
        public void approved(Comment comment, Post post) {}
      };
}
