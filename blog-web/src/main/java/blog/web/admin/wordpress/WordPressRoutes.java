package blog.web.admin.wordpress;

import blog.web.admin.AccessRole;
import io.javalin.config.JavalinConfig;

/** The routes of the WordPress import screen, its upload, and the export download. */
public final class WordPressRoutes {
  private WordPressRoutes() {}

  public static void install(JavalinConfig cfg, WordPressHandlers wordpress) {
    cfg.routes.get(WordPressHandlers.PAGE, wordpress::page, AccessRole.ADMIN);
    cfg.routes.post(WordPressHandlers.PAGE, wordpress::upload, AccessRole.ADMIN);
    cfg.routes.get(WordPressHandlers.EXPORT, wordpress::export, AccessRole.ADMIN);
  }
}
