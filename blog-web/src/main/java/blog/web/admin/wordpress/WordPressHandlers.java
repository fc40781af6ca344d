package blog.web.admin.wordpress;

import blog.core.wxr.ImportReport;
import blog.core.wxr.WxrException;
import blog.core.wxr.WxrExporter;
import blog.core.wxr.WxrImporter;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
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
 * download the blog as one ({@code GET /admin/export}).
 */
public final class WordPressHandlers {
  public static final String PAGE = "/admin/import";
  public static final String EXPORT = "/admin/export";
  private static final Logger LOG = LoggerFactory.getLogger(WordPressHandlers.class);

  /** Room for the multipart framing and the CSRF field around the file. */
  private static final long FORM_OVERHEAD = 16 * 1024L;

  private final WxrImporter importer;
  private final WxrExporter exporter;
  private final AdminHandlers admin;
  private final StaffSession session;
  private final String baseUrl;
  private final Clock clock;
  // One import at a time: two would race for the same WordPress ids.
  private final ReentrantLock importing = new ReentrantLock();

  public WordPressHandlers(
      WxrImporter importer,
      WxrExporter exporter,
      AdminHandlers admin,
      StaffSession session,
      String baseUrl,
      Clock clock) {
    this.importer = importer;
    this.exporter = exporter;
    this.admin = admin;
    this.session = session;
    this.baseUrl = baseUrl;
    this.clock = clock;
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
              });
      LOG.info("{} imported {}: {}", who, file.filename(), report.lines());
      show(ctx, HttpStatus.OK, "", report);
    } catch (WxrException e) {
      LOG.info("{} tried to import {}, refused: {}", who, file.filename(), e.getMessage());
      show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage() + " Nothing was imported.", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      importing.unlock();
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
    Map<String, Object> model = new HashMap<>();
    model.put("error", error);
    model.put("imported", report != null);
    model.put("lines", report == null ? List.of() : report.lines());
    model.put("notes", report == null ? List.of() : report.notes());
    model.put("maxMiB", importer.limits().maxUploadBytes() / (1024 * 1024));
    ctx.status(status);
    admin.render(ctx, "admin/import", "Import and export", model);
  }
}
