package blog.web.admin.account;

import blog.core.NotFoundException;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.login.PasskeyRepository;
import blog.core.login.StaffAccounts;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/staff} (admins): every staff account with its role, whether its password is on and
 * how many passkeys it has, and the recovery for someone locked out: a new password set by an
 * admin, which turns their password on again.
 */
public final class StaffList {
  public static final String PAGE = "/admin/staff";
  public static final String SET_PASSWORD = "/admin/staff/{id}/password";
  private static final Logger LOG = LoggerFactory.getLogger(StaffList.class);

  /** A staff account as the list shows it. */
  public record Row(
      long id, String username, String displayName, String role, String password, int passkeys) {}

  private final UserRepository users;
  private final PasskeyRepository passkeys;
  private final StaffAccounts accounts;
  private final AdminHandlers admin;
  private final StaffSession session;

  public StaffList(
      UserRepository users,
      PasskeyRepository passkeys,
      StaffAccounts accounts,
      AdminHandlers admin,
      StaffSession session) {
    this.users = users;
    this.passkeys = passkeys;
    this.accounts = accounts;
    this.admin = admin;
    this.session = session;
  }

  /** {@code GET /admin/staff} */
  public void page(Context ctx) {
    show(ctx, "", "", 0, HttpStatus.OK);
  }

  /** {@code POST /admin/staff/{id}/password}: a new password for that account, turned on. */
  public void setPassword(Context ctx) {
    User user = user(ctx);
    var problem = accounts.setPassword(user.id(), ctx.formParam("password"));
    if (problem.isPresent()) {
      show(ctx, "", problem.get().message(), user.id(), HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    LOG.info(
        "staff password set by an admin: user id {} by user id {}",
        user.id(),
        session.user(ctx).map(User::id).orElse(0L));
    show(
        ctx,
        "A new password is set for " + user.username() + ", and their password is on.",
        "",
        0,
        HttpStatus.OK);
  }

  private void show(Context ctx, String notice, String error, long errorFor, HttpStatus status) {
    ctx.status(status);
    admin.render(
        ctx,
        "admin/staff",
        "Staff",
        Map.of(
            "notice",
            notice,
            "error",
            error,
            "errorFor",
            errorFor,
            "people",
            users.all().stream()
                .map(
                    u ->
                        new Row(
                            u.id(),
                            u.username(),
                            u.displayName(),
                            u.role().dbValue(),
                            password(u),
                            passkeys.count(u.id())))
                .toList()));
  }

  private String password(User u) {
    if (users.passwordHash(u.id()).isPresent()) {
      return "on";
    }
    return users.passwordOff(u.id()) ? "off" : "none";
  }

  private User user(Context ctx) {
    try {
      return users
          .findById(Long.parseLong(ctx.pathParam("id")))
          .orElseThrow(() -> new NotFoundException("staff member"));
    } catch (NumberFormatException e) {
      throw new NotFoundException("staff member");
    }
  }
}
