package blog.web.admin;

import io.javalin.security.RouteRole;

/** Who may use a route: staff routes say AUTHOR (authors and admins) or ADMIN (admins only). */
public enum AccessRole implements RouteRole {
  AUTHOR,
  ADMIN
}
