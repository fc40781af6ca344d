package blog.web.admin.moderation;

import blog.web.admin.AccessRole;
import io.javalin.config.JavalinConfig;

/** The routes of the comment moderation and settings screens. */
public final class ModerationRoutes {
  private ModerationRoutes() {}

  public static void install(JavalinConfig cfg, Moderation m) {
    cfg.routes.get("/admin/comments", m.queue()::list, AccessRole.AUTHOR);
    cfg.routes.post("/admin/comments/bulk", m.queue()::bulk, AccessRole.AUTHOR);
    cfg.routes.post("/admin/comments/{id}/moderate", m.queue()::moderate, AccessRole.AUTHOR);
    cfg.routes.get("/admin/comments/{id}/edit", m.comments()::editPage, AccessRole.AUTHOR);
    cfg.routes.post("/admin/comments/{id}/edit", m.comments()::edit, AccessRole.AUTHOR);
    cfg.routes.post("/admin/comments/{id}/reply", m.comments()::reply, AccessRole.AUTHOR);
    cfg.routes.get("/admin/settings", m.settings()::page, AccessRole.ADMIN);
    cfg.routes.post("/admin/settings", m.settings()::save, AccessRole.ADMIN);
  }
}
