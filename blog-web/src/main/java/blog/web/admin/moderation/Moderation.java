package blog.web.admin.moderation;

import blog.core.login.ProviderSwitches;
import blog.core.moderation.ModerationQueue;
import blog.core.reading.BlogReader;
import blog.core.security.Tokens;
import blog.core.settings.SettingsEditor;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import blog.web.auth.ProviderMenu;

/** The handlers of the comment moderation and settings screens, for {@link ModerationRoutes}. */
public record Moderation(
    QueueHandlers queue, CommentEditHandlers comments, SettingsHandlers settings) {

  public static Moderation create(
      ModerationQueue moderation,
      SettingsEditor editor,
      BlogReader reader,
      AdminHandlers admin,
      StaffSession session,
      Tokens tokens,
      ProviderSwitches switches,
      ProviderMenu providers) {
    return new Moderation(
        new QueueHandlers(moderation, reader, admin, session, tokens),
        new CommentEditHandlers(moderation, admin, session, tokens),
        new SettingsHandlers(editor, admin, switches, providers));
  }
}
