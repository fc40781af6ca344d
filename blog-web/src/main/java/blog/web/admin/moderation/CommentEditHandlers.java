package blog.web.admin.moderation;

import blog.core.NotFoundException;
import blog.core.comment.CommentService.Outcome;
import blog.core.comment.FieldError;
import blog.core.identity.User;
import blog.core.moderation.CommentEdit;
import blog.core.moderation.ModerationQueue;
import blog.core.moderation.QueueRow;
import blog.core.security.Tokens;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Correcting a comment, and replying to one as the logged-in staff member. */
public final class CommentEditHandlers {
  private static final List<String> FIELDS = List.of("name", "email", "url", "body", "form");

  private final ModerationQueue queue;
  private final AdminHandlers admin;
  private final StaffSession session;
  private final Tokens tokens;

  CommentEditHandlers(
      ModerationQueue queue, AdminHandlers admin, StaffSession session, Tokens tokens) {
    this.queue = queue;
    this.admin = admin;
    this.session = session;
    this.tokens = tokens;
  }

  /** {@code GET /admin/comments/{id}/edit} */
  public void editPage(Context ctx) {
    QueueRow row = find(ctx);
    show(ctx, row, CommentEdit.of(row), List.of(), "", List.of(), HttpStatus.OK);
  }

  /** {@code POST /admin/comments/{id}/edit} */
  public void edit(Context ctx) {
    User user = session.user(ctx).orElseThrow();
    QueueRow row = find(ctx);
    CommentEdit typed =
        new CommentEdit(
            nonNull(ctx.formParam("name")),
            nonNull(ctx.formParam("email")),
            nonNull(ctx.formParam("url")),
            nonNull(ctx.formParam("body")));
    if (queue.edit(user, row.id(), typed) instanceof Outcome.Refused refused) {
      show(ctx, row, typed, refused.errors(), "", List.of(), HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    ctx.redirect("/admin/comments/" + row.id() + "/edit?done=edit", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /admin/comments/{id}/reply}: back to the queue, or the edit page with errors. */
  public void reply(Context ctx) {
    User user = session.user(ctx).orElseThrow();
    QueueRow row = find(ctx);
    String body = nonNull(ctx.formParam("body"));
    Outcome outcome = queue.reply(user, row.id(), body, ctx.formParam("key"));
    if (outcome instanceof Outcome.Refused refused) {
      show(
          ctx,
          row,
          CommentEdit.of(row),
          List.of(),
          body,
          refused.errors(),
          HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    ctx.redirect(QueuePlace.from(ctx::formParam).url() + "&done=reply", HttpStatus.SEE_OTHER);
  }

  static long commentId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundException("comment " + ctx.pathParam("id"));
    }
  }

  private QueueRow find(Context ctx) {
    User user = session.user(ctx).orElseThrow();
    long id = commentId(ctx);
    return queue.find(user, id).orElseThrow(() -> new NotFoundException("comment " + id));
  }

  private void show(
      Context ctx,
      QueueRow row,
      CommentEdit form,
      List<FieldError> errors,
      String reply,
      List<FieldError> replyErrors,
      HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("commentId", row.id());
    model.put("postTitle", row.postTitle());
    model.put("form", form);
    model.put("errors", messages(errors));
    model.put("reply", reply);
    model.put("replyErrors", messages(replyErrors));
    model.put("replyKey", tokens.random());
    model.put("notice", QueueHandlers.notice(ctx.queryParam("done"), null));
    ctx.status(status);
    admin.render(ctx, "admin/comments/edit", "Edit comment", model);
  }

  /** One message per field (the first), every field present for the template. */
  private static Map<String, String> messages(List<FieldError> errors) {
    Map<String, String> messages = new HashMap<>();
    FIELDS.forEach(f -> messages.put(f, ""));
    for (FieldError e : errors) {
      String field = FIELDS.contains(e.field()) ? e.field() : "form";
      messages.merge(field, e.message(), (old, added) -> old.isEmpty() ? added : old);
    }
    return messages;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
