package blog.web.admin.posts;

import blog.core.editor.ForbiddenException;
import blog.web.admin.AccessRole;
import blog.web.error.ErrorPages;
import io.javalin.config.JavalinConfig;

/** The admin's post screens, the image upload and the public media route. */
public final class PostAdminRoutes {
  public static final String MEDIA = "/admin/media";
  private static final AccessRole AUTHOR = AccessRole.AUTHOR;

  private PostAdminRoutes() {}

  public static void install(JavalinConfig cfg, PostAdmin h, ErrorPages errors) {
    cfg.routes.get("/admin/posts", h.list()::list, AUTHOR);
    cfg.routes.get("/admin/posts/new", h.editor()::newPost, AUTHOR);
    cfg.routes.post("/admin/posts", h.editor()::create, AUTHOR);
    cfg.routes.post("/admin/posts/preview", h.editor()::preview, AUTHOR);
    cfg.routes.post("/admin/posts/autosave", h.editor()::autosaveDraft, AUTHOR);
    cfg.routes.get("/admin/posts/{id}/edit", h.editor()::edit, AUTHOR);
    cfg.routes.post("/admin/posts/{id}", h.editor()::update, AUTHOR);
    cfg.routes.post("/admin/posts/{id}/autosave", h.editor()::autosave, AUTHOR);
    cfg.routes.post("/admin/posts/{id}/autosave/restore", h.editor()::restoreAutosave, AUTHOR);
    cfg.routes.post("/admin/posts/{id}/trash", h.list()::trash, AUTHOR);
    cfg.routes.post("/admin/posts/{id}/restore", h.list()::restore, AUTHOR);
    cfg.routes.post("/admin/posts/{id}/delete", h.list()::delete, AUTHOR);
    cfg.routes.get("/admin/posts/{id}/revisions", h.revisions()::list, AUTHOR);
    cfg.routes.get("/admin/posts/{id}/revisions/{rev}", h.revisions()::show, AUTHOR);
    cfg.routes.post("/admin/posts/{id}/revisions/{rev}/restore", h.revisions()::restore, AUTHOR);
    cfg.routes.post(MEDIA, h.media()::upload, AUTHOR);
    cfg.routes.get("/media/<path>", h.media()::serve);
    cfg.routes.exception(ForbiddenException.class, errors::forbidden);
  }
}
