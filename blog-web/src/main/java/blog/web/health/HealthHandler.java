package blog.web.health;

import blog.core.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code GET /healthz}: 200 when the database answers, 503 when it does not. */
public final class HealthHandler {
  private final Database database;

  public HealthHandler(Database database) {
    this.database = database;
  }

  public void health(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (database.isReachable()) {
      ctx.contentType("text/plain; charset=utf-8").result("ok\n");
    } else {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .contentType("text/plain; charset=utf-8")
          .result("database unavailable\n");
    }
  }
}
