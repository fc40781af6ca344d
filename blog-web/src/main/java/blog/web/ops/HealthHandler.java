package blog.web.ops;

import blog.core.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz} (liveness): 200 while the process serves requests at all; it asks nothing of
 * the database, so an orchestrator does not restart every instance when the database is away.
 * {@code GET /readyz} (readiness): 200 only when the database answers and every migration this
 * version knows is applied; 503 otherwise, so a load balancer sends readers elsewhere.
 */
public final class HealthHandler {
  private final Database database;
  private final BooleanSupplier migrationsApplied;
  // The schema only moves forward: once this version's migrations are in, they stay in.
  private volatile boolean migrated;

  public HealthHandler(Database database, BooleanSupplier migrationsApplied) {
    this.database = database;
    this.migrationsApplied = migrationsApplied;
  }

  public void live(Context ctx) {
    answer(ctx, HttpStatus.OK, "ok");
  }

  public void ready(Context ctx) {
    if (!database.isReachable()) {
      answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "database unavailable");
    } else if (!migrated()) {
      answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "database migrations pending");
    } else {
      answer(ctx, HttpStatus.OK, "ready");
    }
  }

  private boolean migrated() {
    if (!migrated) {
      try {
        migrated = migrationsApplied.getAsBoolean();
      } catch (RuntimeException e) {
        return false; // the database went away between the two checks
      }
    }
    return migrated;
  }

  private static void answer(Context ctx, HttpStatus status, String text) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).contentType("text/plain; charset=utf-8").result(text + "\n");
  }
}
