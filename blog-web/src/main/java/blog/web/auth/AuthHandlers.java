package blog.web.auth;

import blog.core.NotFoundException;
import blog.core.comment.CommentForm;
import blog.core.post.Post;
import blog.core.reading.BlogReader;
import blog.web.site.Pages;
import blog.web.site.Permalinks;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Map;

/**
 * Log-in with a provider and log-out for commenters. The buttons live in the reply form and post
 * the whole form, so what was typed survives the trip (as a draft kept for this browser).
 */
public final class AuthHandlers {
  public static final String LOGOUT = "/auth/logout";

  private final BlogReader reader;
  private final CommenterSession session;
  private final FormDrafts drafts;
  private final Pages pages;

  public AuthHandlers(BlogReader reader, CommenterSession session, FormDrafts drafts, Pages pages) {
    this.reader = reader;
    this.session = session;
    this.drafts = drafts;
    this.pages = pages;
  }

  /**
   * {@code POST /auth/logout} (Log Out, or Change with {@code ?change=1}): ends the commenter
   * session only, and goes back to the post with the typed comment still in the form.
   */
  public void logout(Context ctx) {
    CommentForm form = CommentFormFields.read(ctx);
    Post post = post(form);
    session.signOut(ctx);
    String message =
        "1".equals(ctx.queryParam("change"))
            ? "You are logged out. Choose how to comment below."
            : "You are logged out.";
    backToPost(ctx, post, form, message);
  }

  /**
   * Back to the post the reply form posted here names (a staff member's "Log out?" in it), with the
   * comment as typed and {@code message} above it.
   */
  public void backToReplyForm(Context ctx, String message) {
    CommentForm form = CommentFormFields.read(ctx);
    backToPost(ctx, post(form), form, message);
  }

  /** Back to the post's reply form, with the form as typed and a message above it. */
  void backToPost(Context ctx, Post post, CommentForm form, String message) {
    String token = drafts.keep(ctx, post.id(), form, message);
    ctx.redirect(
        Permalinks.post(post, reader.site().timeZone()) + "?draft=" + token + "#respond",
        HttpStatus.SEE_OTHER);
  }

  /**
   * Sends the browser on to a provider's log-in page with a page that moves on by itself (and a
   * link), not a redirect: browsers hold every redirect that follows a form's submission to the
   * page's {@code form-action} ('self'), so a 303 to the provider is refused. Moving on from a page
   * is a navigation of its own, and the policy stays as strict as it is.
   */
  void continueTo(Context ctx, String providerLabel, URI authorization) {
    ctx.header("Cache-Control", "no-store");
    pages.render(
        ctx,
        "auth/continue",
        "Log in with " + providerLabel,
        Map.of("label", providerLabel, "url", authorization.toString()));
  }

  Post post(CommentForm form) {
    String id = form.postId() == null ? "" : form.postId().strip();
    if (!id.matches("[0-9]{1,18}")) {
      throw new NotFoundException("post " + id);
    }
    return post(Long.parseLong(id));
  }

  Post post(long id) {
    return reader.visiblePost(id).orElseThrow(() -> new NotFoundException("post " + id));
  }
}
