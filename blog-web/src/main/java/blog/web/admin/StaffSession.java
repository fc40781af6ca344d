package blog.web.admin;

import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.login.Session;
import blog.core.login.SessionPolicy;
import blog.core.login.Sessions;
import blog.web.security.Cookies;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * The admin or author logged in on this browser: a server-side session of its own (not the
 * commenter's), new at every log-in, ending after two idle hours or twelve in all.
 */
public final class StaffSession {
  static final String COOKIE = "blog_admin";
  static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(2), Duration.ofHours(12));
  private static final String CACHED = "blog.staff";

  private final Sessions sessions;
  private final UserRepository users;
  private final Cookies cookies;

  public StaffSession(Sessions sessions, UserRepository users, Cookies cookies) {
    this.sessions = sessions;
    this.users = users;
    this.cookies = cookies;
  }

  public Optional<User> user(Context ctx) {
    Optional<User> cached = ctx.attribute(CACHED);
    if (cached != null) {
      return cached;
    }
    Optional<User> found =
        cookies
            .get(ctx, COOKIE)
            .flatMap(sessions::find)
            .map(Session::userId)
            .flatMap(id -> id == null ? Optional.empty() : users.findById(id));
    ctx.attribute(CACHED, found);
    return found;
  }

  public void logIn(Context ctx, User user) {
    cookies.get(ctx, COOKIE).ifPresent(sessions::end);
    String token = sessions.startForUser(user.id(), POLICY);
    cookies.set(ctx, COOKIE, token, (int) POLICY.absolute().getSeconds());
    ctx.attribute(CACHED, Optional.of(user));
  }

  public void logOut(Context ctx) {
    cookies.get(ctx, COOKIE).ifPresent(sessions::end);
    cookies.clear(ctx, COOKIE);
    ctx.attribute(CACHED, Optional.empty());
  }
}
