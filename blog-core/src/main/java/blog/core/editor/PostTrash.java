package blog.core.editor;

import blog.core.NotFoundException;
import blog.core.db.Transactions;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The trash, as in WordPress: a trashed post disappears from the blog but can be restored as it was
 * (its status before the trash, so a published post comes back published); deleting for good is
 * possible only from the trash and takes the post's comments, term links, revisions, redirects and
 * autosaves with it, in one transaction. Each move bumps the version, so an editor still open on
 * the post gets an {@link EditConflict} instead of silently bringing it back.
 */
public final class PostTrash {
  private final EditorPostRepository editorPosts;
  private final PostRepository posts;
  private final Transactions transactions;
  private final Clock clock;

  public PostTrash(
      EditorPostRepository editorPosts,
      PostRepository posts,
      Transactions transactions,
      Clock clock) {
    this.editorPosts = editorPosts;
    this.posts = posts;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Moves the post to the trash (nothing happens if it is there already); returns it. */
  public Post trash(Actor actor, long postId) {
    editable(actor, postId);
    editorPosts.trash(postId, now());
    return reload(postId);
  }

  /** Takes the post out of the trash, back to its former status; returns it. */
  public Post restore(Actor actor, long postId) {
    editable(actor, postId);
    editorPosts.untrash(postId, now());
    return reload(postId);
  }

  /**
   * Deletes a trashed post and everything that belongs to it. False, with nothing deleted, when the
   * post is not in the trash.
   */
  public boolean deletePermanently(Actor actor, long postId) {
    editable(actor, postId);
    return transactions.inTransaction(() -> editorPosts.deleteTrashed(postId));
  }

  private void editable(Actor actor, long postId) {
    actor.checkMayEdit(reload(postId));
  }

  private Post reload(long postId) {
    return posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
