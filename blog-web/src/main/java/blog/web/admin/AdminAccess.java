package blog.web.admin;

import blog.core.identity.Role;
import blog.core.identity.User;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The one check in front of every staff route (a before-matched hook): logged-out visitors are sent
 * to the log-in page (GET) or refused (anything else); authors may not use admin-only routes. Staff
 * pages are never stored by browsers or proxies.
 */
public final class AdminAccess {
  private final StaffSession session;

  public AdminAccess(StaffSession session) {
    this.session = session;
  }

  public void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (ctx.path().startsWith("/admin")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (!roles.contains(AccessRole.AUTHOR) && !roles.contains(AccessRole.ADMIN)) {
      return;
    }
    Optional<User> user = session.user(ctx);
    if (user.isEmpty()) {
      if (ctx.method() == HandlerType.GET) {
        ctx.redirect(
            "/admin/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8),
            HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new ForbiddenResponse("Please log in again.");
    }
    if (roles.contains(AccessRole.ADMIN) && user.get().role() != Role.ADMIN) {
      throw new ForbiddenResponse("Only administrators may do that.");
    }
  }

  /** A log-in's return path: only a path on this site's admin, never elsewhere. */
  public static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/admin")
        || next.startsWith("//")
        || next.contains("\\")
        || next.contains("://")
        || next.chars().anyMatch(Character::isISOControl)) {
      return "/admin";
    }
    return next;
  }
}
