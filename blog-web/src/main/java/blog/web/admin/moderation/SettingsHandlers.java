package blog.web.admin.moderation;

import blog.core.comment.FieldError;
import blog.core.login.ProviderSwitches;
import blog.core.settings.MenuRow;
import blog.core.settings.SettingsEditor;
import blog.core.settings.SettingsForm;
import blog.web.admin.AdminHandlers;
import blog.web.auth.ProviderButton;
import blog.web.auth.ProviderMenu;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The settings screen (admins only): every field, checked on the server, saved all or none. */
public final class SettingsHandlers {
  private final SettingsEditor editor;
  private final AdminHandlers admin;
  private final ProviderSwitches switches;
  private final ProviderMenu providers;

  SettingsHandlers(
      SettingsEditor editor,
      AdminHandlers admin,
      ProviderSwitches switches,
      ProviderMenu providers) {
    this.editor = editor;
    this.admin = admin;
    this.switches = switches;
    this.providers = providers;
  }

  /** A configured log-in provider and whether it is offered, for the settings screen. */
  public record ProviderChoice(String id, String label, boolean on) {}

  /** {@code GET /admin/settings} */
  public void page(Context ctx) {
    String notice = "1".equals(ctx.queryParam("saved")) ? "Settings saved." : "";
    show(ctx, editor.current(), editor.currentMenu(), List.of(), notice, HttpStatus.OK);
  }

  /** {@code POST /admin/settings} */
  public void save(Context ctx) {
    SettingsForm form = SettingsForm.read(ctx::formParam);
    List<MenuRow> menu = MenuRow.read(ctx::formParams);
    if (editor.save(form, menu) instanceof SettingsEditor.Outcome.Refused refused) {
      show(ctx, form, menu, refused.errors(), "", HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    Set<String> ticked = Set.copyOf(ctx.formParams("provider_on"));
    switches.setOff(
        providers.configured().stream()
            .map(ProviderButton::id)
            .filter(id -> !ticked.contains(id))
            .collect(Collectors.toSet()));
    ctx.redirect("/admin/settings?saved=1", HttpStatus.SEE_OTHER);
  }

  private void show(
      Context ctx,
      SettingsForm form,
      List<MenuRow> menu,
      List<FieldError> errors,
      String notice,
      HttpStatus status) {
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
            !errors.isEmpty(),
            "providers",
            providerChoices(),
            "menu",
            MenuRows.editor(menu, editor.pages(), errors)));
  }

  private List<ProviderChoice> providerChoices() {
    Set<String> off = switches.off();
    return providers.configured().stream()
        .map(p -> new ProviderChoice(p.id(), p.label(), !off.contains(p.id())))
        .toList();
  }
}
