package blog.web.admin.posts;

import blog.core.reading.BlogReader;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import blog.web.site.StaticAssets;
import java.security.SecureRandom;

/** The handlers of the admin's post screens, built over the editor's services. */
public record PostAdmin(
    PostListHandlers list,
    PostEditorHandlers editor,
    RevisionHandlers revisions,
    MediaHandlers media) {

  public static PostAdmin create(
      EditorServices services,
      AdminHandlers admin,
      StaffSession session,
      BlogReader reader,
      StaticAssets assets,
      SecureRandom random) {
    var screens = new AdminScreens(admin, session, reader, assets);
    return new PostAdmin(
        new PostListHandlers(services, screens),
        new PostEditorHandlers(services, screens, random),
        new RevisionHandlers(services, screens),
        new MediaHandlers(services.media(), screens));
  }
}
