package blog.web.admin.posts;

import blog.core.NotFoundException;
import blog.core.media.MediaStore;
import blog.core.media.StoredMedia;
import blog.core.media.UploadResult;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Image uploads from the editor ({@code POST /admin/media}) and serving them ({@code /media/}). */
public final class MediaHandlers {
  /** Room for the multipart framing and the other fields around the file. */
  static final long FORM_OVERHEAD = 16 * 1024L;

  private final MediaStore media;
  private final AdminScreens screens;

  MediaHandlers(MediaStore media, AdminScreens screens) {
    this.media = media;
    this.screens = screens;
  }

  /**
   * Before anything reads an upload's body: it must declare its length, and that must fit the
   * current limit. (The app's general limit is far lower; the routes check calls this instead.)
   */
  public void checkBodySize(Context ctx) {
    long length = ctx.contentLength();
    if (length < 0) {
      throw new HttpResponseException(HttpStatus.LENGTH_REQUIRED.getCode(), "length required");
    }
    if (length > media.maxUploadBytes() + FORM_OVERHEAD) {
      throw new ContentTooLargeResponse("upload too large");
    }
  }

  /**
   * {@code POST /admin/media} (multipart: {@code file}, optional {@code alt}). Scripts asking for
   * {@code text/plain} get the Markdown snippet (or the refusal) as text; a plain form gets a page.
   */
  public void upload(Context ctx) {
    checkBodySize(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    UploadResult result =
        file == null
            ? new UploadResult.Refused("Choose an image to upload.")
            : media.upload(
                read(file),
                file.filename(),
                AdminScreens.nonNull(ctx.formParam("alt")),
                screens.actor(ctx).userId());
    boolean script = AdminScreens.nonNull(ctx.header("Accept")).startsWith("text/plain");
    String text =
        result instanceof UploadResult.Uploaded up
            ? up.markdown()
            : ((UploadResult.Refused) result).message();
    ctx.status(
        result instanceof UploadResult.Uploaded ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
    if (script) {
      ctx.contentType("text/plain; charset=utf-8").result(text);
      return;
    }
    screens.render(
        ctx,
        "admin/posts/uploaded",
        "Upload",
        Map.of(
            "ok", result instanceof UploadResult.Uploaded, "text", text, "back", editorPath(ctx)));
  }

  /** Where a plain-form upload leads back to: the editor of the post it came from, if any. */
  private static String editorPath(Context ctx) {
    String raw = AdminScreens.nonNull(ctx.formParam("post_id")).strip();
    if (raw.matches("[1-9][0-9]{0,17}")) {
      return "/admin/posts/" + raw + "/edit";
    }
    return "/admin/posts/new";
  }

  /** {@code GET /media/<path>}: stored images, which never change at their address. */
  public void serve(Context ctx) {
    StoredMedia found =
        media.find(ctx.path()).orElseThrow(() -> new NotFoundException("media " + ctx.path()));
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType(found.contentType()).result(found.data());
  }

  private static byte[] read(UploadedFile file) {
    try (InputStream in = file.content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
