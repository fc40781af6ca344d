package blog.core.editor;

import blog.core.NotFoundException;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import java.util.List;
import java.util.Optional;

/**
 * A post's revisions and what changed between them. Revisions may hold text readers never saw, so
 * only those who may edit the post may read them. Restoring one is {@link
 * PostEditor#restoreRevision}.
 */
public final class PostHistory {
  private final PostRepository posts;
  private final RevisionRepository revisions;

  public PostHistory(PostRepository posts, RevisionRepository revisions) {
    this.posts = posts;
    this.revisions = revisions;
  }

  /** The post's revisions, newest first. */
  public List<Revision> revisions(Actor actor, long postId) {
    editable(actor, postId);
    return revisions.list(postId);
  }

  public Optional<Revision> revision(Actor actor, long postId, long revisionId) {
    editable(actor, postId);
    return revisions.find(postId, revisionId);
  }

  /** What changed from revision {@code fromId} to revision {@code toId} of the post. */
  public RevisionDiff diff(Actor actor, long postId, long fromId, long toId) {
    editable(actor, postId);
    Revision from = find(postId, fromId);
    Revision to = find(postId, toId);
    return RevisionDiff.between(from.text(), to.text(), label(from), label(to));
  }

  /** What changed from the revision to the post as it is now. */
  public RevisionDiff diffWithCurrent(Actor actor, long postId, long revisionId) {
    Post post = editable(actor, postId);
    Revision from = find(postId, revisionId);
    return RevisionDiff.between(
        from.text(),
        PostEditor.textOf(post),
        label(from),
        "current (version " + post.version() + ")");
  }

  private Revision find(long postId, long revisionId) {
    return revisions
        .find(postId, revisionId)
        .orElseThrow(() -> new NotFoundException("revision " + revisionId));
  }

  private static String label(Revision r) {
    return "revision " + r.id() + " (version " + r.postVersion() + ")";
  }

  private Post editable(Actor actor, long postId) {
    Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
    actor.checkMayEdit(post);
    return post;
  }
}
