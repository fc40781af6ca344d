package blog.web.admin.account;

import blog.core.NotFoundException;
import blog.core.comment.FieldError;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.login.Passkey;
import blog.core.login.PasskeyRepository;
import blog.core.login.Passkeys;
import blog.core.login.StaffAccounts;
import blog.core.text.OneLine;
import blog.web.admin.AdminHandlers;
import blog.web.admin.PasskeyLogin;
import blog.web.admin.StaffSession;
import blog.web.security.Csrf;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/account}: the logged-in staff member's password and passkeys. Adding a passkey is a
 * challenge fetched by the page's script, then the browser's answer posted as a form; turning the
 * password off needs a passkey, and the last passkey stays while the password is off.
 */
public final class AccountHandlers {
  public static final String PAGE = "/admin/account";
  public static final String PASSWORD = "/admin/account/password";
  public static final String PASSWORD_OFF = "/admin/account/password/off";
  public static final String PASSKEY_OPTIONS = "/admin/account/passkeys/options";
  public static final String PASSKEYS = "/admin/account/passkeys";
  public static final String RENAME = "/admin/account/passkeys/{id}/rename";
  public static final String REMOVE = "/admin/account/passkeys/{id}/remove";
  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final Logger LOG = LoggerFactory.getLogger(AccountHandlers.class);
  private static final Map<String, String> DONE =
      Map.of(
          "password", "Your password is set, and on.",
          "off", "Your password is off: you log in with a passkey.",
          "added", "The passkey is added.",
          "renamed", "The passkey is renamed.",
          "removed", "The passkey is removed.");

  /** A passkey as the page lists it. */
  public record Row(long id, String name, String transports, String added, String lastUsed) {
    static Row of(Passkey p) {
      return new Row(
          p.id(),
          p.name(),
          p.transports(),
          DAY.format(p.createdAt()),
          p.lastUsedAt() == null ? "never" : DAY.format(p.lastUsedAt()));
    }
  }

  private final Passkeys passkeys;
  private final PasskeyRepository stored;
  private final StaffAccounts accounts;
  private final UserRepository users;
  private final AdminHandlers admin;
  private final StaffSession session;
  private final Csrf csrf;
  private final Supplier<String> siteTitle;

  public AccountHandlers(
      Passkeys passkeys,
      PasskeyRepository stored,
      StaffAccounts accounts,
      UserRepository users,
      AdminHandlers admin,
      StaffSession session,
      Csrf csrf,
      Supplier<String> siteTitle) {
    this.passkeys = passkeys;
    this.stored = stored;
    this.accounts = accounts;
    this.users = users;
    this.admin = admin;
    this.session = session;
    this.csrf = csrf;
    this.siteTitle = siteTitle;
  }

  /** {@code GET /admin/account} */
  public void page(Context ctx) {
    String done = DONE.getOrDefault(String.valueOf(ctx.queryParam("done")), "");
    show(ctx, done, "", Map.of(), HttpStatus.OK);
  }

  /** {@code POST /admin/account/password}: the current password (while on) and a new one. */
  public void password(Context ctx) {
    User me = me(ctx);
    var problem =
        accounts.changePassword(me.id(), ctx.formParam("current"), ctx.formParam("password"));
    if (problem.isPresent()) {
      FieldError e = problem.get();
      show(ctx, "", "", Map.of(e.field(), e.message()), HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    LOG.info("staff password set by its owner: user id {}", me.id());
    done(ctx, "password");
  }

  /** {@code POST /admin/account/password/off} */
  public void passwordOff(Context ctx) {
    User me = me(ctx);
    if (!stored.turnPasswordOff(me.id())) {
      show(
          ctx,
          "",
          "Add a passkey first: without a password or a passkey you could not log in.",
          Map.of(),
          HttpStatus.CONFLICT);
      return;
    }
    LOG.info("staff password turned off: user id {}", me.id());
    done(ctx, "off");
  }

  /**
   * {@code POST /admin/account/passkeys/options}: what {@code navigator.credentials.create} needs.
   */
  public void passkeyOptions(Context ctx) {
    PasskeyLogin.json(ctx, passkeys.creationOptions(me(ctx), csrf.browserId(ctx), siteTitle.get()));
  }

  /** {@code POST /admin/account/passkeys}: the browser's new passkey, with its name. */
  public void addPasskey(Context ctx) {
    User me = me(ctx);
    var problem =
        passkeys.register(
            me,
            csrf.browserId(ctx),
            new Passkeys.NewPasskey(
                ctx.formParam("name"),
                ctx.formParam("client_data_json"),
                ctx.formParam("attestation_object"),
                ctx.formParam("transports")));
    if (problem.isPresent()) {
      show(ctx, "", problem.get(), Map.of(), HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    LOG.info("staff passkey added: user id {}", me.id());
    done(ctx, "added");
  }

  /** {@code POST /admin/account/passkeys/{id}/rename} */
  public void rename(Context ctx) {
    String name = OneLine.clean(ctx.formParam("name"), " ");
    if (name.isEmpty() || name.length() > Passkeys.MAX_NAME) {
      show(
          ctx,
          "",
          "Give the passkey a name of 1 to " + Passkeys.MAX_NAME + " characters.",
          Map.of(),
          HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    if (!stored.rename(id(ctx), me(ctx).id(), name)) {
      throw new NotFoundException("passkey");
    }
    done(ctx, "renamed");
  }

  /** {@code POST /admin/account/passkeys/{id}/remove} */
  public void remove(Context ctx) {
    User me = me(ctx);
    switch (stored.remove(id(ctx), me.id())) {
      case NOT_FOUND -> throw new NotFoundException("passkey");
      case LAST_WHILE_PASSWORD_OFF ->
          show(
              ctx,
              "",
              "This is your last passkey and your password is off, so it stays: set a password"
                  + " first, or add another passkey.",
              Map.of(),
              HttpStatus.CONFLICT);
      case REMOVED -> {
        LOG.info("staff passkey removed: user id {}", me.id());
        done(ctx, "removed");
      }
    }
  }

  private void show(
      Context ctx,
      String notice,
      String error,
      Map<String, String> fieldErrors,
      HttpStatus status) {
    User me = me(ctx);
    Map<String, String> errors = new HashMap<>(Map.of("current", "", "password", ""));
    errors.putAll(fieldErrors);
    ctx.status(status);
    admin.render(
        ctx,
        "admin/account",
        "Your account",
        Map.of(
            "notice",
            notice,
            "error",
            error,
            "errors",
            errors,
            "passwordOn",
            !users.passwordOff(me.id()),
            "passkeys",
            stored.of(me.id()).stream().map(Row::of).toList(),
            "maxName",
            Passkeys.MAX_NAME));
  }

  private void done(Context ctx, String what) {
    ctx.redirect(PAGE + "?done=" + what, HttpStatus.SEE_OTHER);
  }

  private User me(Context ctx) {
    return session.user(ctx).orElseThrow();
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundException("passkey");
    }
  }
}
