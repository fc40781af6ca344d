package blog.web.admin.posts;

import blog.core.change.VersionMemos;
import blog.core.reading.BlogReader;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import blog.web.site.StaticAssets;
import java.security.SecureRandom;
import java.time.Clock;

/** The handlers of the admin's post screens, built over the editor's services. */
public record PostAdmin(
    PostListHandlers list,
    PostEditorHandlers editor,
    RevisionHandlers revisions,
    MediaHandlers media) {

  /**
   * @param memos keeps the post list's counts of everyone's posts, and where its pages start, per
   *     listing version
   */
  public static PostAdmin create(
      EditorServices services,
      AdminHandlers admin,
      StaffSession session,
      BlogReader reader,
      StaticAssets assets,
      SecureRandom random,
      Clock clock,
      VersionMemos memos) {
    var screens = new AdminScreens(admin, session, reader, assets, clock);
    return new PostAdmin(
        new PostListHandlers(services, memos, screens),
        new PostEditorHandlers(services, screens, random),
        new RevisionHandlers(services, screens),
        new MediaHandlers(services.media(), screens));
  }
}
