package blog.web.error;

import blog.core.NotFoundException;
import blog.core.db.StorageFailures;
import blog.web.site.Pages;
import blog.web.theme.BrokenTemplateException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into pages: unknown things are a styled 404, an unreachable
 * database a 503 ("back soon") with the cause logged, anything else a 500 with the cause logged.
 * Readers never see a stack trace.
 */
public final class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

  private final Pages pages;
  private final String themeFolder;

  /** {@code themeFolder}: where the theme is, as staff are told when one of its templates fails. */
  public ErrorPages(Pages pages, String themeFolder) {
    this.pages = pages;
    this.themeFolder = themeFolder;
  }

  /**
   * A theme template failed for a staff member: which file, which line, what went wrong (logged
   * already, once per change of the theme). Drawn from the built-in templates, never the theme's.
   */
  public void brokenTemplate(BrokenTemplateException e, Context ctx) {
    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
    ctx.header("Cache-Control", "private, no-store");
    Pages.write(
        ctx,
        pages.builtInStandalone(
            "error/theme",
            "A theme template is broken",
            Map.of("error", e.error(), "themeFolder", themeFolder)));
  }

  /** Only sets the status: the 404 handler below draws the page, for this and unmatched paths. */
  public void notFound(NotFoundException e, Context ctx) {
    LOG.debug("404 {} ({})", ctx.path(), e.getMessage());
    ctx.status(HttpStatus.NOT_FOUND);
  }

  public void failure(Exception e, Context ctx) {
    if (StorageFailures.isStorageFailure(e)) {
      // The handler's own answer (a redirect to the new comment, "Saved") must not go out.
      LOG.error("Not stored while serving {} {}: {}", ctx.method(), ctx.path(), e.toString());
      ctx.res().setHeader("Location", null);
      ctx.res().setHeader("X-Form-Token", null);
      unavailable(ctx);
    } else if (isDatabaseUnavailable(e)) {
      LOG.error(
          "Database unavailable while serving {} {}: {}", ctx.method(), ctx.path(), e.toString());
      unavailable(ctx);
    } else {
      LOG.error("Failed to serve {} {}", ctx.method(), ctx.path(), e);
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
      Pages.write(ctx, pages.standalone("error/500", "Something went wrong"));
    }
  }

  /** Javalin's own refusals (e.g. a request body over the size limit), as styled pages. */
  public void httpResponse(HttpResponseException e, Context ctx) {
    HttpStatus status = HttpStatus.forStatus(e.getStatus());
    ctx.status(status);
    String message =
        status == HttpStatus.CONTENT_TOO_LARGE
            ? (ctx.path().startsWith("/admin/media")
                ? "That file is larger than this site accepts. Please upload a smaller image."
                : ctx.path().startsWith("/admin/import")
                    ? e.getMessage()
                    : "That was more than this site accepts in one go. Comments can be up to a"
                        + " few thousand words; please shorten yours and send it again.")
            : "The request could not be handled (" + e.getStatus() + ").";
    Pages.write(
        ctx,
        pages.standalone(
            "error/status",
            status.getMessage(),
            Map.of("heading", status.getMessage(), "message", message)));
  }

  /** A log-in callback that this browser did not start (or already finished). */
  public void signInRejected(Exception e, Context ctx) {
    ctx.status(HttpStatus.BAD_REQUEST);
    Pages.write(
        ctx,
        pages.standalone(
            "error/status",
            "Log-in not completed",
            Map.of("heading", "Log-in not completed", "message", e.getMessage())));
  }

  /** A refused state-changing request (CSRF): say why, change nothing. */
  public void forbidden(Exception e, Context ctx) {
    LOG.info("403 {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    ctx.status(HttpStatus.FORBIDDEN);
    Pages.write(
        ctx, pages.standalone("error/403", "Not allowed", Map.of("message", e.getMessage())));
  }

  /** Every 404, whether a handler found nothing or no route matched, is the styled page. */
  public void notFoundPage(Context ctx) {
    try {
      pages.render(ctx, "error/404", "Page not found", Map.of());
    } catch (BrokenTemplateException e) {
      brokenTemplate(e, ctx);
    } catch (RuntimeException e) {
      // The 404 page shows the sidebar, which needs the database; without it, say so instead.
      failure(e, ctx);
    }
  }

  private void unavailable(Context ctx) {
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30");
    Optional<KeptForm> kept = KeptForm.of(ctx);
    Pages.write(
        ctx,
        kept.isPresent()
            ? pages.standalone("error/503-form", "Not saved yet", Map.of("kept", kept.get()))
            : pages.standalone("error/503", "Back soon"));
  }

  /** A failure to reach the database, as opposed to a bug: a connection-class SQL error. */
  static boolean isDatabaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
