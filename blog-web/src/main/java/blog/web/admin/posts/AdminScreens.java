package blog.web.admin.posts;

import blog.core.NotFoundException;
import blog.core.editor.Actor;
import blog.core.post.Post;
import blog.core.reading.BlogReader;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import blog.web.site.Formats;
import blog.web.site.Permalinks;
import blog.web.site.StaticAssets;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * What every post screen needs: the acting user, rendering, the site's zone, date formats and
 * clock, and asset URLs.
 */
final class AdminScreens {
  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final AdminHandlers admin;
  private final StaffSession session;
  private final BlogReader reader;
  private final StaticAssets assets;
  private final Clock clock;

  AdminScreens(
      AdminHandlers admin,
      StaffSession session,
      BlogReader reader,
      StaticAssets assets,
      Clock clock) {
    this.admin = admin;
    this.session = session;
    this.reader = reader;
    this.assets = assets;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** Dates as the public pages show them ("December 7, 2026 at 10:49 AM"). */
  Formats formats() {
    return new Formats(reader.site());
  }

  Actor actor(Context ctx) {
    return Actor.of(
        session.user(ctx).orElseThrow(() -> new ForbiddenResponse("Please log in again.")));
  }

  ZoneId zone() {
    return reader.site().timeZone();
  }

  String shown(Instant instant) {
    return instant == null ? "" : SHOWN.format(instant.atZone(zone()));
  }

  String permalink(Post post) {
    return Permalinks.post(post, zone());
  }

  void render(Context ctx, String template, String title, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("editorCss", assets.url("css/editor.css"));
    all.put("editorJs", assets.url("js/editor.js"));
    admin.render(ctx, template, title, all);
  }

  static long id(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new NotFoundException(name + " " + ctx.pathParam(name));
    }
  }

  static int version(Context ctx) {
    try {
      return Integer.parseInt(nonNull(ctx.formParam("version")).strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
