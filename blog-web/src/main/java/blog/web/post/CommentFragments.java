package blog.web.post;

import blog.web.site.KeptFragments;
import java.util.List;
import java.util.Map;

/**
 * Each comment's article as everyone sees it, rendered once per what it shows and kept: a page of
 * comments renders only the comments that changed (a new one, an edited one), and the parts of a
 * comment that are one reader's own (their edit and delete buttons, staff's moderation link, a held
 * comment) are never kept; those comments are rendered in place, for that reader.
 */
final class CommentFragments {
  static final String TEMPLATE = "post/comment-body";

  /** What an article shared by everyone sees of the page: no edit form, no token. */
  private static final Map<String, Object> NO_FORM = Map.of("csrfToken", "");

  private final KeptFragments kept;

  CommentFragments(KeptFragments kept) {
    this.kept = kept;
  }

  /** The tree with each comment's shared article filled in where everyone sees it alike. */
  List<CommentView> withSharedHtml(List<CommentView> comments) {
    return comments.stream().map(this::withSharedHtml).toList();
  }

  private CommentView withSharedHtml(CommentView comment) {
    List<CommentView> replies = withSharedHtml(comment.replies());
    if (!comment.sharedByEveryone()) {
      return comment.with(replies, "");
    }
    // The view itself is the key: every field the article shows, compared by value.
    CommentView alone = comment.alone();
    String html =
        kept.render(
            TEMPLATE,
            alone,
            () -> Map.of("comment", alone, "editing", EditState.NONE, "form", NO_FORM));
    return comment.with(replies, html);
  }
}
