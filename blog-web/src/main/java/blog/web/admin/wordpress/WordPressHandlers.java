package blog.web.admin.wordpress;

import blog.core.wxr.ImportProgress;
import blog.core.wxr.ImportReport;
import blog.core.wxr.WxrException;
import blog.core.wxr.WxrExporter;
import blog.core.wxr.WxrImporter;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import blog.web.site.Pages;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admins' import and export screen: upload a WordPress export ({@code POST /admin/import}),
 * download the blog as one ({@code GET /admin/export}). The screen's script shows the upload's
 * progress and, through {@link ProgressLines}, the import's.
 */
public final class WordPressHandlers {
  public static final String PAGE = "/admin/import";
  public static final String EXPORT = "/admin/export";
  private static final Logger LOG = LoggerFactory.getLogger(WordPressHandlers.class);

  /**
   * The screen's script asks for {@link ProgressLines} with this header ({@code lines}); without
   * it, as from the plain form, the answer is the page when the import is done.
   */
  static final String PROGRESS_HEADER = "X-Import-Progress";

  static final String PROGRESS_LINES = "lines";

  /** Room for the multipart framing and the CSRF field around the file. */
  private static final long FORM_OVERHEAD = 16 * 1024L;

  private final WxrImporter importer;
  private final WxrExporter exporter;
  private final AdminHandlers admin;
  private final StaffSession session;
  private final String baseUrl;
  private final Clock clock;
  private final String script;
  // One import at a time: two would race for the same WordPress ids.
  private final ReentrantLock importing = new ReentrantLock();

  public WordPressHandlers(
      WxrImporter importer,
      WxrExporter exporter,
      AdminHandlers admin,
      StaffSession session,
      String baseUrl,
      Clock clock,
      String script) {
    this.importer = importer;
    this.exporter = exporter;
    this.admin = admin;
    this.session = session;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.script = script;
  }

  /** Before anything reads an upload: it must declare its length, within the import limit. */
  public void checkBodySize(Context ctx) {
    long length = ctx.contentLength();
    if (length < 0) {
      throw new HttpResponseException(HttpStatus.LENGTH_REQUIRED.getCode(), "length required");
    }
    if (length > importer.limits().maxUploadBytes() + FORM_OVERHEAD) {
      throw new ContentTooLargeResponse(
          "The file is larger than "
              + importer.limits().maxUploadBytes() / (1024 * 1024)
              + " MiB; import it on the command line: java -jar blog.jar import-wxr FILE");
    }
  }

  /** {@code GET /admin/import} */
  public void page(Context ctx) {
    show(ctx, HttpStatus.OK, "", null);
  }

  /** {@code POST /admin/import} (multipart: {@code file}) */
  public void upload(Context ctx) {
    checkBodySize(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      show(
          ctx,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "Choose a WordPress export file (.xml) to import.",
          null);
      return;
    }
    if (!importing.tryLock()) {
      show(
          ctx,
          HttpStatus.CONFLICT,
          "Another import is running. Try again when it has finished.",
          null);
      return;
    }
    try {
      if (PROGRESS_LINES.equals(ctx.header(PROGRESS_HEADER))) {
        ctx.status(HttpStatus.OK);
        ctx.contentType(ProgressLines.CONTENT_TYPE);
        ctx.header("Cache-Control", "no-store");
        // Tells nginx and the like to pass each line on as it comes.
        ctx.header("X-Accel-Buffering", "no");
        // Jetty's own stream: Javalin's compressing wrapper (ctx.outputStream()) does not pass
        // flush() on, so each line would wait for the buffer to fill.
        ProgressLines lines = new ProgressLines(servletStream(ctx));
        Outcome outcome = importFile(ctx, file, lines);
        lines.finish(outcome.status().getCode(), screen(ctx, outcome));
      } else {
        Outcome outcome = importFile(ctx, file, ImportProgress.NONE);
        ctx.status(outcome.status());
        Pages.write(ctx, screen(ctx, outcome));
      }
    } finally {
      importing.unlock();
    }
  }

  private static OutputStream servletStream(Context ctx) {
    try {
      return ctx.res().getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How an import ended: the report, or the reason it was refused. */
  private record Outcome(HttpStatus status, String error, ImportReport report) {}

  private Outcome importFile(Context ctx, UploadedFile file, ImportProgress progress) {
    String who = session.user(ctx).map(u -> u.username()).orElse("?");
    try (InputStream in = file.content()) {
      ImportReport report =
          importer.importFrom(
              in,
              file.size(),
              (read, total, items) -> {
                if (items % 500 == 0) {
                  LOG.info("Importing {}: {} items read", file.filename(), items);
                }
                progress.update(read, total, items);
              });
      LOG.info("{} imported {}: {}", who, file.filename(), report.lines());
      return new Outcome(HttpStatus.OK, "", report);
    } catch (WxrException e) {
      LOG.info("{} tried to import {}, refused: {}", who, file.filename(), e.getMessage());
      return new Outcome(
          HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage() + " Nothing was imported.", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET /admin/export}: a download, written as it is read from the database. */
  public void export(Context ctx) throws IOException {
    String name = "blog-wordpress-export-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    ctx.contentType("application/xml; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".xml\"");
    ctx.header("Cache-Control", "no-store");
    exporter.export(ctx.outputStream(), baseUrl);
  }

  private void show(Context ctx, HttpStatus status, String error, ImportReport report) {
    ctx.status(status);
    Pages.write(ctx, screen(ctx, new Outcome(status, error, report)));
  }

  private String screen(Context ctx, Outcome outcome) {
    ImportReport report = outcome.report();
    Map<String, Object> model = new HashMap<>();
    model.put("error", outcome.error());
    model.put("imported", report != null);
    model.put("lines", report == null ? List.of() : report.lines());
    model.put("notes", report == null ? List.of() : report.notes());
    model.put("leftOut", report == null ? List.of() : report.leftOutLines());
    model.put("maxMiB", importer.limits().maxUploadBytes() / (1024 * 1024));
    model.put("importJs", script);
    return admin.html(ctx, "admin/import", "Import and export", model);
  }
}
