package blog.web.admin.moderation;

import blog.core.comment.FieldError;
import blog.core.settings.SettingsEditor;
import blog.core.settings.SettingsForm;
import blog.web.admin.AdminHandlers;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;

/** The settings screen (admins only): every field, checked on the server, saved all or none. */
public final class SettingsHandlers {
  private final SettingsEditor editor;
  private final AdminHandlers admin;

  SettingsHandlers(SettingsEditor editor, AdminHandlers admin) {
    this.editor = editor;
    this.admin = admin;
  }

  /** {@code GET /admin/settings} */
  public void page(Context ctx) {
    String notice = "1".equals(ctx.queryParam("saved")) ? "Settings saved." : "";
    show(ctx, editor.current(), List.of(), notice, HttpStatus.OK);
  }

  /** {@code POST /admin/settings} */
  public void save(Context ctx) {
    SettingsForm form = SettingsForm.read(ctx::formParam);
    if (editor.save(form) instanceof SettingsEditor.Outcome.Refused refused) {
      show(ctx, form, refused.errors(), "", HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    ctx.redirect("/admin/settings?saved=1", HttpStatus.SEE_OTHER);
  }

  private void show(
      Context ctx, SettingsForm form, List<FieldError> errors, String notice, HttpStatus status) {
    ctx.status(status);
    admin.render(
        ctx,
        "admin/settings",
        "Settings",
        Map.of(
            "sections",
            SettingsFields.sections(form, errors),
            "notice",
            notice,
            "hasErrors",
            !errors.isEmpty()));
  }
}
