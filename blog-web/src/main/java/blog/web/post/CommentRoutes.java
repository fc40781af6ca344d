package blog.web.post;

import io.javalin.config.JavalinConfig;

/** The routes of the reply form's target and of a commenter's edit and delete of their comment. */
public final class CommentRoutes {
  private CommentRoutes() {}

  public static void install(JavalinConfig cfg, CommentHandlers comments) {
    cfg.routes.post(CommentHandlers.PATH, comments::submit);
    cfg.routes.post(CommentHandlers.EDIT_PATH, comments::edit);
    cfg.routes.post(CommentHandlers.DELETE_PATH, comments::delete);
  }
}
