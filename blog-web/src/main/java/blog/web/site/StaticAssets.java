package blog.web.site;

import blog.core.NotFoundException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The blog's own CSS and JavaScript, loaded from {@code static/} on the classpath once. Pages link
 * to {@code /assets/NAME?v=HASH}; because the URL changes whenever the content does, browsers may
 * cache each version for a year. Served by our own route so that no blog route can shadow them.
 */
public final class StaticAssets {
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "ico", "image/x-icon");

  private record Asset(byte[] bytes, String type, String hash) {}

  private final Map<String, Asset> assets = new HashMap<>();

  public StaticAssets(List<String> names) {
    for (String name : names) {
      byte[] bytes = read("/static/" + name);
      String extension = name.substring(name.lastIndexOf('.') + 1);
      assets.put(
          name,
          new Asset(bytes, TYPES.getOrDefault(extension, "application/octet-stream"), hash(bytes)));
    }
  }

  /** The versioned URL of an asset, for templates. */
  public String url(String name) {
    Asset asset = assets.get(name);
    if (asset == null) {
      throw new IllegalArgumentException("Unknown asset " + name);
    }
    return "/assets/" + name + "?v=" + asset.hash();
  }

  /** {@code GET /assets/<name>} */
  public void serve(Context ctx) {
    serve(ctx, ctx.pathParam("name"));
  }

  /**
   * {@code GET /favicon.ico}: where browsers, feed readers and bookmarks look for a site's icon
   * when a page names none (pages name the SVG one).
   */
  public void favicon(Context ctx) {
    serve(ctx, "favicon.ico");
  }

  private void serve(Context ctx, String name) {
    Asset asset = assets.get(name);
    if (asset == null) {
      throw new NotFoundException("asset " + name);
    }
    String etag = "\"" + asset.hash() + "\"";
    ctx.header("ETag", etag);
    ctx.header(
        "Cache-Control",
        asset.hash().equals(ctx.queryParam("v"))
            ? "public, max-age=31536000, immutable"
            : "public, max-age=300");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(asset.type()).result(asset.bytes());
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
