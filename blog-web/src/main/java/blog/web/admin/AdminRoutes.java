package blog.web.admin;

import io.javalin.config.JavalinConfig;

/**
 * The routes of staff log-in (with a password or a passkey) and log-out, the first admin's setup
 * page, and the dashboard.
 */
public final class AdminRoutes {
  private AdminRoutes() {}

  public static void install(JavalinConfig cfg, AdminHandlers admin, PasskeyLogin passkeys) {
    cfg.routes.get("/admin/login", admin::loginPage);
    cfg.routes.post("/admin/login", admin::login);
    cfg.routes.post(PasskeyLogin.OPTIONS, passkeys::options);
    cfg.routes.post(PasskeyLogin.LOGIN, passkeys::logIn);
    cfg.routes.post("/admin/logout", admin::logout);
    cfg.routes.get("/admin/setup", admin::setupPage);
    cfg.routes.post("/admin/setup", admin::setup);
    cfg.routes.get("/admin", admin::dashboard, AccessRole.AUTHOR);
  }
}
