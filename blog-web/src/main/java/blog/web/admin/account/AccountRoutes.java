package blog.web.admin.account;

import blog.web.admin.AccessRole;
import io.javalin.config.JavalinConfig;

/** The routes of a staff member's account page and of the admins' staff list. */
public final class AccountRoutes {
  private AccountRoutes() {}

  public static void install(JavalinConfig cfg, AccountHandlers a, StaffList staff) {
    cfg.routes.get(AccountHandlers.PAGE, a::page, AccessRole.AUTHOR);
    cfg.routes.post(AccountHandlers.PASSWORD, a::password, AccessRole.AUTHOR);
    cfg.routes.post(AccountHandlers.PASSWORD_OFF, a::passwordOff, AccessRole.AUTHOR);
    cfg.routes.post(AccountHandlers.PASSKEY_OPTIONS, a::passkeyOptions, AccessRole.AUTHOR);
    cfg.routes.post(AccountHandlers.PASSKEYS, a::addPasskey, AccessRole.AUTHOR);
    cfg.routes.post(AccountHandlers.RENAME, a::rename, AccessRole.AUTHOR);
    cfg.routes.post(AccountHandlers.REMOVE, a::remove, AccessRole.AUTHOR);
    cfg.routes.get(StaffList.PAGE, staff::page, AccessRole.ADMIN);
    cfg.routes.post(StaffList.SET_PASSWORD, staff::setPassword, AccessRole.ADMIN);
  }
}
