package blog.web.webmention;

import blog.core.webmention.Webmentions;
import blog.web.admin.AccessRole;
import io.javalin.config.JavalinConfig;

/**
 * Webmention's routes: the endpoint for other sites (exempt from the CSRF check: it takes no
 * browser's form and changes nothing a browser's session could), its advertisement, the avatars,
 * and the admin's screen.
 */
public final class WebmentionRoutes {
  private WebmentionRoutes() {}

  /** {@code h} is null while Webmention is off: then only the admin's screen says so. */
  public static void install(JavalinConfig cfg, WebmentionHandlers h, WebmentionAdmin admin) {
    cfg.routes.get(WebmentionAdmin.PAGE, admin::page, AccessRole.ADMIN);
    cfg.routes.post(WebmentionAdmin.RETRY, admin::retry, AccessRole.ADMIN);
    cfg.routes.post(WebmentionAdmin.DISMISS, admin::dismiss, AccessRole.ADMIN);
    cfg.routes.post(WebmentionAdmin.BLOCK, admin::block, AccessRole.ADMIN);
    if (h == null) {
      return;
    }
    cfg.routes.before(h::advertise);
    cfg.routes.post(Webmentions.ENDPOINT_PATH, h::receive);
    cfg.routes.get(Webmentions.AVATARS_PATH + "{id}", h::avatar);
  }
}
