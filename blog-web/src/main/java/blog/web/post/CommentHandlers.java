package blog.web.post;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentEditing;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentService;
import blog.core.comment.CommentService.Outcome;
import blog.core.comment.CommentStatus;
import blog.core.comment.FieldError;
import blog.core.comment.StaffAuthor;
import blog.core.comment.SubmissionContext;
import blog.core.db.Transactions;
import blog.core.identity.User;
import blog.core.post.Post;
import blog.core.reading.BlogReader;
import blog.web.auth.CommentFormFields;
import blog.web.ops.Metrics;
import blog.web.ops.Metrics.CommentOutcome;
import blog.web.security.ClientAddress;
import blog.web.security.CsrfFailure;
import blog.web.site.Permalinks;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /comments/}: the reply form's target. Success redirects to the new comment (Post /
 * Redirect / Get); any problem shows the post again with the form as typed and the reason next to
 * the field.
 */
public final class CommentHandlers {
  public static final String PATH = "/comments/";
  public static final String EDIT_PATH = "/comments/edit";
  public static final String DELETE_PATH = "/comments/delete";

  private final CommentService comments;
  private final Transactions transactions;
  private final CommentEditing editing;
  private final BlogReader reader;
  private final PostHandlers postPages;
  private final ReplyFormParts parts;
  private final ClientAddress clientAddress;
  private final Clock clock;
  private final Metrics metrics;

  public CommentHandlers(
      CommentService comments,
      Transactions transactions,
      CommentEditing editing,
      BlogReader reader,
      PostHandlers postPages,
      ReplyFormParts parts,
      ClientAddress clientAddress,
      Clock clock,
      Metrics metrics) {
    this.comments = comments;
    this.transactions = transactions;
    this.editing = editing;
    this.reader = reader;
    this.postPages = postPages;
    this.parts = parts;
    this.clientAddress = clientAddress;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void submit(Context ctx) {
    // A submission makes a dozen small reads and writes (and renders the new comment from them):
    // one connection for all of them, not one from the pool for each.
    transactions.onOneConnection(
        () -> {
          submitOnOneConnection(ctx);
          return null;
        });
  }

  private void submitOnOneConnection(Context ctx) {
    CommentForm form = CommentFormFields.read(ctx);
    Post post = post(form);
    Instant now = clock.instant();
    Optional<FormTokens.IssuedForm> issued =
        parts.tokens().verify(ctx.formParam("form_token"), form.postId(), now);
    if (issued.isEmpty()) {
      metrics.commentSubmitted(CommentOutcome.REJECTED);
      refuse(ctx, post, form, "This form has expired. Please submit it again.");
      return;
    }
    // A staff session wins over a commenter's: staff comment under their account.
    User staff = parts.staff().user(ctx).orElse(null);
    SubmissionContext submission =
        new SubmissionContext(
            clientAddress.of(ctx),
            truncate(ctx.header("User-Agent"), 500),
            now,
            issued.get().key(),
            issued.get().issuedAt(),
            staff == null ? parts.commenters().identity(ctx).orElse(null) : null,
            staff == null ? null : new StaffAuthor(staff.id(), staff.displayName(), staff.email()));
    Outcome outcome = comments.submit(form, post, submission);
    if (outcome instanceof Outcome.Refused refused) {
      metrics.commentSubmitted(CommentOutcome.REJECTED);
      postPages.showRefusedForm(
          ctx, post, form, refused.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    Comment stored = ((Outcome.Stored) outcome).comment();
    metrics.commentSubmitted(outcomeOf(stored.status()));
    if (staff != null) {
      // Staff change their comments from the moderation screen; nothing of the form is kept.
    } else if (stored.status() != CommentStatus.SPAM) {
      parts.own().add(ctx, stored.id());
    }
    if (staff != null || parts.commenters().identity(ctx).isPresent()) {
      // Details come from the account or the provider; nothing of the form is remembered.
    } else if (form.remember()) {
      parts
          .remembered()
          .remember(ctx, new RememberedCommenter.Details(form.name(), form.email(), form.url()));
    } else {
      parts.remembered().forget(ctx);
    }
    if ("fetch".equals(ctx.header("X-Requested-With"))) {
      if (stored.status() == CommentStatus.SPAM) {
        ctx.status(HttpStatus.ACCEPTED).result("");
      } else {
        postPages.commentFragment(ctx, post, stored);
      }
      return;
    }
    ctx.redirect(
        stored.status() == CommentStatus.SPAM
            ? Permalinks.post(post, reader.site().timeZone()) + "#respond"
            : postPages.commentUrl(post, stored.id()),
        HttpStatus.SEE_OTHER);
  }

  /** {@code POST /comments/edit}: the author changes their comment within the edit window. */
  public void edit(Context ctx) {
    long id = commentId(ctx);
    Post post = postOf(id);
    String text = ctx.formParam("comment");
    Outcome outcome = editing.edit(id, text, parts.own().ids(ctx), clock.instant());
    if (outcome instanceof Outcome.Refused refused) {
      postPages.showRefusedEdit(
          ctx,
          post,
          new EditState(id, text == null ? "" : text, refused.errors().get(0).message()));
      return;
    }
    ctx.redirect(postPages.commentUrl(post, id), HttpStatus.SEE_OTHER);
  }

  /** {@code POST /comments/delete}: the author takes their comment back (to the trash). */
  public void delete(Context ctx) {
    long id = commentId(ctx);
    Post post = postOf(id);
    Optional<String> problem = editing.delete(id, parts.own().ids(ctx), clock.instant());
    if (problem.isPresent()) {
      postPages.showRefusedEdit(ctx, post, new EditState(0, "", problem.get()));
      return;
    }
    ctx.redirect(
        Permalinks.post(post, reader.site().timeZone()) + "#comments", HttpStatus.SEE_OTHER);
  }

  /**
   * An edit whose CSRF check failed is shown again, text intact, with the reason; false when the
   * form names no comment on a visible post, so there is no page to show it on.
   */
  public boolean csrfFailedEdit(CsrfFailure failure, Context ctx) {
    String raw = ctx.formParam("comment_id");
    if (raw == null || !raw.matches("[0-9]{1,18}")) {
      return false;
    }
    long id = Long.parseLong(raw);
    Optional<Post> post = comments.postOf(id).flatMap(reader::visiblePost);
    if (post.isEmpty()) {
      return false;
    }
    String text = ctx.formParam("comment");
    postPages.showRefusedEdit(
        ctx, post.get(), new EditState(id, text == null ? "" : text, failure.getMessage()));
    return true;
  }

  private static long commentId(Context ctx) {
    String raw = ctx.formParam("comment_id");
    if (raw == null || !raw.matches("[0-9]{1,18}")) {
      throw new NotFoundException("comment " + raw);
    }
    return Long.parseLong(raw);
  }

  private Post postOf(long commentId) {
    return comments
        .postOf(commentId)
        .flatMap(reader::visiblePost)
        .orElseThrow(() -> new NotFoundException("comment " + commentId));
  }

  /**
   * A comment whose CSRF check failed is shown again, text intact, with the reason; false when the
   * form names no visible post, so there is no page to show it on.
   */
  public boolean csrfFailed(CsrfFailure failure, Context ctx) {
    if (ctx.path().equals(PATH)) {
      metrics.commentSubmitted(CommentOutcome.REJECTED);
    }
    CommentForm form = CommentFormFields.read(ctx);
    String id = form.postId() == null ? "" : form.postId().strip();
    Optional<Post> post =
        id.matches("[0-9]{1,18}") ? reader.visiblePost(Long.parseLong(id)) : Optional.empty();
    if (post.isEmpty()) {
      return false;
    }
    refuse(ctx, post.get(), form, failure.getMessage());
    return true;
  }

  private void refuse(Context ctx, Post post, CommentForm form, String message) {
    postPages.showRefusedForm(
        ctx,
        post,
        form,
        List.of(new FieldError(FieldError.FORM, message)),
        HttpStatus.UNPROCESSABLE_CONTENT);
  }

  private Post post(CommentForm form) {
    String id = form.postId() == null ? "" : form.postId().strip();
    if (!id.matches("[0-9]{1,18}")) {
      throw new NotFoundException("post " + id);
    }
    return reader
        .visiblePost(Long.parseLong(id))
        .orElseThrow(() -> new NotFoundException("post " + id));
  }

  private static CommentOutcome outcomeOf(CommentStatus status) {
    return switch (status) {
      case APPROVED -> CommentOutcome.ACCEPTED;
      case SPAM -> CommentOutcome.SPAM;
      default -> CommentOutcome.HELD;
    };
  }

  private static String truncate(String value, int max) {
    if (value == null) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max);
  }
}
