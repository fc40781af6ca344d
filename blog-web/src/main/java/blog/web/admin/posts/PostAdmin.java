package blog.web.admin.posts;

import blog.core.editor.StatusCounts;
import blog.core.reading.BlogReader;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import blog.web.site.StaticAssets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The handlers of the admin's post screens, built over the editor's services. */
public record PostAdmin(
    PostListHandlers list,
    PostEditorHandlers editor,
    RevisionHandlers revisions,
    MediaHandlers media) {

  /**
   * @param keepCounts keeps the post list's counts of everyone's posts per listing version
   */
  public static PostAdmin create(
      EditorServices services,
      AdminHandlers admin,
      StaffSession session,
      BlogReader reader,
      StaticAssets assets,
      SecureRandom random,
      Clock clock,
      UnaryOperator<Supplier<StatusCounts>> keepCounts) {
    var screens = new AdminScreens(admin, session, reader, assets, clock);
    return new PostAdmin(
        new PostListHandlers(services, keepCounts, screens),
        new PostEditorHandlers(services, screens, random),
        new RevisionHandlers(services, screens),
        new MediaHandlers(services.media(), screens));
  }
}
