package blog.web.admin.privacy;

import blog.web.admin.AccessRole;
import io.javalin.config.JavalinConfig;

/** The routes of the admin's privacy screen: export or erase a person's data. */
public final class PrivacyAdminRoutes {
  private PrivacyAdminRoutes() {}

  public static void install(JavalinConfig cfg, PrivacyAdmin privacy) {
    cfg.routes.get(PrivacyAdmin.PAGE, privacy::page, AccessRole.ADMIN);
    cfg.routes.post(PrivacyAdmin.EXPORT, privacy::export, AccessRole.ADMIN);
    cfg.routes.post(PrivacyAdmin.ERASE, privacy::erase, AccessRole.ADMIN);
  }
}
