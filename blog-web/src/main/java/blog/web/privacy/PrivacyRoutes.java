package blog.web.privacy;

import io.javalin.config.JavalinConfig;

/** The routes of the public privacy page and of "My comments" with its actions. */
public final class PrivacyRoutes {
  private PrivacyRoutes() {}

  public static void install(JavalinConfig cfg, PrivacyPage privacy, MyCommentsHandlers mine) {
    cfg.routes.get(PrivacyPage.PATH, privacy::page);
    cfg.routes.get(MyCommentsHandlers.PATH, mine::page);
    cfg.routes.post(MyCommentsHandlers.ASK, mine::ask);
    cfg.routes.post(MyCommentsHandlers.EDIT, mine::edit);
    cfg.routes.post(MyCommentsHandlers.DELETE, mine::delete);
    cfg.routes.post(MyCommentsHandlers.CANCEL, mine::cancel);
    cfg.routes.post(MyCommentsHandlers.EXPORT, mine::export);
    cfg.routes.post(MyCommentsHandlers.ERASE, mine::erase);
  }
}
