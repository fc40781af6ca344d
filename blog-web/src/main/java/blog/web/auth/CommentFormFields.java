package blog.web.auth;

import blog.core.comment.CommentForm;
import io.javalin.http.Context;

/**
 * The reply form's field names (WordPress's, so themes and habits carry over) and how a posted form
 * becomes a {@link CommentForm}, exactly as typed.
 */
public final class CommentFormFields {
  /** The post the form belongs to: present in every form the reply form sends. */
  public static final String POST_ID = "comment_post_ID";

  /** The box "Share this comment with the fediverse", ticked unless the writer unticks it. */
  public static final String SHARE = "share_fediverse";

  /** Sent along with the box, so a form that showed it and came back without it means "no". */
  public static final String SHARE_OFFERED = "share_fediverse_offered";

  private CommentFormFields() {}

  public static CommentForm read(Context ctx) {
    return new CommentForm(
        ctx.formParam(POST_ID),
        ctx.formParam("comment_parent"),
        ctx.formParam("author"),
        ctx.formParam("email"),
        ctx.formParam("url"),
        ctx.formParam("comment"),
        ctx.formParam("contact_me_by_fax_only"),
        ctx.formParam("subscribe_comments") != null,
        ctx.formParam("subscribe_blog") != null,
        ctx.formParam("remember") != null,
        ctx.formParam(SHARE_OFFERED) == null || ctx.formParam(SHARE) != null);
  }
}
