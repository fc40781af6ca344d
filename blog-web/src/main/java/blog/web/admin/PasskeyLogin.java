package blog.web.admin;

import blog.core.login.Passkeys;
import blog.web.security.ClientAddress;
import blog.web.security.Csrf;
import io.javalin.http.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Log in with a passkey" on the log-in page: a challenge for this browser (a POST, CSRF-checked
 * like every form), then the signed answer posted as a form. A success starts a new staff session
 * as the password log-in does; a refusal shows the log-in page again with the reason, counted by
 * the same throttles.
 */
public final class PasskeyLogin {
  public static final String OPTIONS = "/admin/login/passkey/options";
  public static final String LOGIN = "/admin/login/passkey";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Passkeys passkeys;
  private final AdminHandlers admin;
  private final Csrf csrf;
  private final ClientAddress clientAddress;

  public PasskeyLogin(
      Passkeys passkeys, AdminHandlers admin, Csrf csrf, ClientAddress clientAddress) {
    this.passkeys = passkeys;
    this.admin = admin;
    this.csrf = csrf;
    this.clientAddress = clientAddress;
  }

  /** {@code POST /admin/login/passkey/options}: what {@code navigator.credentials.get} needs. */
  public void options(Context ctx) {
    json(ctx, passkeys.requestOptions(csrf.browserId(ctx)));
  }

  /** {@code POST /admin/login/passkey} */
  public void logIn(Context ctx) {
    var assertion =
        new Passkeys.Assertion(
            ctx.formParam("credential_id"),
            ctx.formParam("client_data_json"),
            ctx.formParam("authenticator_data"),
            ctx.formParam("signature"),
            ctx.formParam("user_handle"));
    admin.finishLogIn(
        ctx,
        "a passkey",
        passkeys.logIn(csrf.browserId(ctx), assertion, clientAddress.of(ctx)),
        "");
  }

  /** Writes a ceremony's options as JSON, never kept by a cache. */
  public static void json(Context ctx, Object options) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(JSON.writeValueAsString(options));
  }
}
