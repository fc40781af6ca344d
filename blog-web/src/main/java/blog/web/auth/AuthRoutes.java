package blog.web.auth;

import io.javalin.config.JavalinConfig;

/**
 * The routes of commenters' log-in: a provider's start, callback and linking, the mailed link of
 * "Log in with email" (when mail is set up), the linked log-ins page, log-out, and the demo
 * provider's button (when it is on).
 */
public final class AuthRoutes {
  private AuthRoutes() {}

  /** {@code emailSignIn} and {@code demoSignIn} are null when off. */
  public static void install(
      JavalinConfig cfg,
      AuthHandlers auth,
      SignInFlow signIn,
      LoginsPage logins,
      EmailSignInHandlers emailSignIn,
      DemoSignIn demoSignIn) {
    cfg.routes.post(AuthHandlers.LOGOUT, auth::logout);
    if (emailSignIn != null) {
      // Before /auth/{provider}/start, which would take "email" for a provider's id.
      cfg.routes.post(EmailSignInHandlers.START, emailSignIn::start);
      cfg.routes.get(EmailSignInHandlers.CONFIRM, emailSignIn::confirmPage);
      cfg.routes.post(EmailSignInHandlers.FINISH, emailSignIn::finish);
      cfg.routes.post(EmailSignInHandlers.LINK, emailSignIn::link);
    }
    cfg.routes.post("/auth/{provider}/start", signIn::start);
    cfg.routes.get(LoginsPage.PATH, logins::page);
    cfg.routes.post(LoginsPage.UNLINK, logins::unlink);
    cfg.routes.post("/auth/{provider}/link", signIn::link);
    if (demoSignIn != null) {
      cfg.routes.post(DemoSignIn.PATH, demoSignIn::signIn);
    }
    cfg.routes.get("/auth/{provider}/callback", signIn::callback);
  }
}
