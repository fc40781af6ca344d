package blog.web.admin;

import blog.core.NotFoundException;
import blog.core.comment.FieldError;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.login.StaffAccounts;
import blog.core.login.StaffLogin;
import blog.web.auth.AuthHandlers;
import blog.web.auth.CommentFormFields;
import blog.web.security.ClientAddress;
import blog.web.security.Csrf;
import blog.web.site.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff log-in and log-out, the first admin's setup page, and the dashboard. */
public final class AdminHandlers {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(AdminHandlers.class);
  private final StaffLogin login;
  private final StaffAccounts accounts;
  private final StaffSession session;
  private final Pages pages;
  private final Csrf csrf;
  private final ClientAddress clientAddress;
  private final PendingCount pendingCount;
  private final AuthHandlers backToPost;

  public AdminHandlers(
      StaffLogin login,
      StaffAccounts accounts,
      StaffSession session,
      Pages pages,
      Csrf csrf,
      ClientAddress clientAddress,
      PendingCount pendingCount,
      AuthHandlers backToPost) {
    this.backToPost = backToPost;
    this.login = login;
    this.accounts = accounts;
    this.session = session;
    this.pages = pages;
    this.csrf = csrf;
    this.clientAddress = clientAddress;
    this.pendingCount = pendingCount;
  }

  /** {@code GET /admin/login} */
  public void loginPage(Context ctx) {
    if (session.user(ctx).isPresent()) {
      ctx.redirect(AdminAccess.safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    showLogin(ctx, "", "", HttpStatus.OK);
  }

  /** {@code POST /admin/login} */
  public void login(Context ctx) {
    String username = nonNull(ctx.formParam("username"));
    finishLogIn(
        ctx,
        "a password",
        login.logIn(username, ctx.formParam("password"), clientAddress.of(ctx)),
        username);
  }

  /**
   * The end of every staff log-in, whatever proved it: logged (user id only), then a new session
   * and the way back, or the log-in page again with the refusal.
   */
  void finishLogIn(Context ctx, String with, StaffLogin.Result result, String username) {
    if (result instanceof StaffLogin.Result.LoggedIn loggedIn) {
      LOG.info("staff log-in with {}: user id {}", with, loggedIn.user().id());
      session.logIn(ctx, loggedIn.user());
      ctx.redirect(AdminAccess.safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    LOG.info("staff log-in with {} refused", with);
    showLogin(
        ctx, username, ((StaffLogin.Result.Refused) result).message(), HttpStatus.UNAUTHORIZED);
  }

  /**
   * {@code POST /admin/logout}: from the admin, to the log-in page; from a post's reply form ("Log
   * out?", which sends the form), back to the post with the comment as typed, as a reader.
   */
  public void logout(Context ctx) {
    session.logOut(ctx);
    if (ctx.formParam(CommentFormFields.POST_ID) != null) {
      backToPost.backToReplyForm(ctx, "You are logged out.");
      return;
    }
    ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /admin/setup?token=...}: only while the blog has no admin. */
  public void setupPage(Context ctx) {
    String token = nonNull(ctx.queryParam("token"));
    if (!accounts.setupTokenValid(token)) {
      throw new NotFoundException("setup link");
    }
    showSetup(ctx, token, "", "", List.of(), HttpStatus.OK);
  }

  /** {@code POST /admin/setup} */
  public void setup(Context ctx) {
    String token = nonNull(ctx.formParam("token"));
    String username = nonNull(ctx.formParam("username"));
    String displayName = nonNull(ctx.formParam("display_name"));
    StaffAccounts.Created created =
        accounts.setUp(token, username, displayName, ctx.formParam("password"));
    if (created.user().isPresent()) {
      session.logIn(ctx, created.user().get());
      ctx.redirect("/admin", HttpStatus.SEE_OTHER);
      return;
    }
    showSetup(
        ctx, token, username, displayName, created.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
  }

  /** {@code GET /admin} */
  public void dashboard(Context ctx) {
    render(ctx, "admin/dashboard", "Dashboard", Map.of());
  }

  /** Renders an admin page with the staff user, the CSRF token for its forms, and the site. */
  public void render(Context ctx, String template, String title, Map<String, Object> model) {
    Pages.write(ctx, html(ctx, template, title, model));
  }

  /** The admin page {@link #render} would write, as a string. */
  public String html(Context ctx, String template, String title, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    User user = session.user(ctx).orElseThrow();
    all.put("staff", user);
    all.put("isAdmin", user.role() == Role.ADMIN);
    all.put("csrfToken", csrf.token(ctx));
    all.put("pendingCount", pendingCount.pending(user));
    return pages.adminHtml(ctx, template, title + " ‹ Admin", all);
  }

  private void showLogin(Context ctx, String username, String error, HttpStatus status) {
    ctx.status(status);
    pages.renderAdmin(
        ctx,
        "admin/login",
        "Log in",
        Map.of(
            "username",
            username,
            "error",
            error,
            "next",
            AdminAccess.safeNext(
                ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")),
            "csrfToken",
            csrf.token(ctx)));
  }

  private void showSetup(
      Context ctx,
      String token,
      String username,
      String displayName,
      List<FieldError> errors,
      HttpStatus status) {
    Map<String, String> messages =
        new HashMap<>(Map.of("form", "", "username", "", "password", ""));
    errors.forEach(
        e -> messages.merge(e.field(), e.message(), (old, added) -> old.isEmpty() ? added : old));
    ctx.status(status);
    pages.renderAdmin(
        ctx,
        "admin/setup",
        "Set up your blog",
        Map.of(
            "token", token,
            "username", username,
            "displayName", displayName,
            "errors", messages,
            "csrfToken", csrf.token(ctx)));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
