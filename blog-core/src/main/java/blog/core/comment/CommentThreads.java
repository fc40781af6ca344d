package blog.core.comment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the reply tree of a post's comments from a flat list in display order. */
public final class CommentThreads {
  private CommentThreads() {}

  /**
   * Nests each comment under its parent. A comment whose parent is not in the list (held, trashed
   * or deleted) is shown at the top level rather than hidden, so no approved words disappear.
   */
  public static List<ThreadedComment> build(List<Comment> comments) {
    Map<Long, List<Comment>> children = new LinkedHashMap<>();
    Set<Long> present = new HashSet<>();
    comments.forEach(c -> present.add(c.id()));
    List<Comment> roots = new ArrayList<>();
    for (Comment c : comments) {
      if (c.parentId() != null && present.contains(c.parentId())) {
        children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
      } else {
        roots.add(c);
      }
    }
    List<ThreadedComment> result = new ArrayList<>();
    for (Comment root : roots) {
      result.add(nest(root, 1, children));
    }
    return result;
  }

  /** {@code c} at {@code depth} with its replies nested below it, from replies by parent id. */
  public static ThreadedComment nest(Comment c, int depth, Map<Long, List<Comment>> children) {
    List<ThreadedComment> replies = new ArrayList<>();
    for (Comment child : children.getOrDefault(c.id(), List.of())) {
      replies.add(nest(child, depth + 1, children));
    }
    return new ThreadedComment(c, depth, replies);
  }
}
