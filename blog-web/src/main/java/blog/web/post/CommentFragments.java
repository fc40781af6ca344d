package blog.web.post;

import blog.web.site.KeptFragments;
import java.util.List;
import java.util.Map;

/**
 * Comments as everyone sees them, rendered once per what they show and kept: each comment's article
 * ({@code post/comment-body}), and each thread (a top-level comment with all its replies, {@code
 * post/comment}). A page of comments renders only what changed: a new reply redraws its thread from
 * the kept articles and renders one article, and every other thread is copied as kept. What is one
 * reader's own (their edit and delete buttons, staff's moderation link, a held comment, the reply
 * form under a comment) is never kept: those comments, and the threads holding them, are rendered
 * in place for that reader.
 */
final class CommentFragments {
  static final String ARTICLE = "post/comment-body";
  static final String THREAD = "post/comment";

  /** What a piece shared by everyone sees of the page: no edit form, no token. */
  private static final Map<String, Object> NO_FORM = Map.of("csrfToken", "");

  private final KeptFragments kept;

  CommentFragments(KeptFragments kept) {
    this.kept = kept;
  }

  /**
   * The top-level comments {@code views} (as built, nothing kept in them yet) with their kept HTML
   * filled in wherever every reader sees them alike; {@code formUnder}: the comment the reply form
   * sits under, 0 for none.
   */
  List<CommentView> kept(List<CommentView> views, long formUnder) {
    return views.stream().map(view -> thread(view, formUnder)).toList();
  }

  private CommentView thread(CommentView view, long formUnder) {
    if (!sharedThroughout(view, formUnder)) {
      return withArticles(view);
    }
    // The tree of views is the key: every field every comment in it shows, compared by value.
    String html =
        kept.render(
            THREAD,
            view,
            () ->
                Map.of(
                    "comment",
                    withArticles(view),
                    "formUnder",
                    0L,
                    "editing",
                    EditState.NONE,
                    "form",
                    NO_FORM));
    return view.with(view.replies(), "", html);
  }

  /** The comment and its replies, each with its kept article where everyone sees it alike. */
  private CommentView withArticles(CommentView comment) {
    List<CommentView> replies = comment.replies().stream().map(this::withArticles).toList();
    if (!comment.sharedByEveryone()) {
      return comment.with(replies, "", "");
    }
    CommentView alone = comment.alone();
    String html =
        kept.render(
            ARTICLE,
            alone,
            () -> Map.of("comment", alone, "editing", EditState.NONE, "form", NO_FORM));
    return comment.with(replies, html, "");
  }

  /** The version of the theme's files the pieces are kept for now. */
  long themeVersion() {
    return kept.themeVersion();
  }

  private static boolean sharedThroughout(CommentView comment, long formUnder) {
    if (!comment.sharedByEveryone() || comment.id() == formUnder) {
      return false;
    }
    for (CommentView reply : comment.replies()) {
      if (!sharedThroughout(reply, formUnder)) {
        return false;
      }
    }
    return true;
  }
}
