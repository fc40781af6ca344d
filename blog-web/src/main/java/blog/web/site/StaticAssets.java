package blog.web.site;

import blog.core.NotFoundException;
import blog.web.theme.ThemeFolder;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The blog's own CSS and JavaScript, loaded from {@code static/} on the classpath once, and the
 * files of the theme's {@code static/} folder, which replace built-in ones of the same name and may
 * add others; those are read when first asked for in each version of the theme. Pages link to
 * {@code /assets/NAME?v=HASH}; because the URL changes whenever the content does, browsers may
 * cache each version for a year. Served by our own route so that no blog route can shadow them.
 */
public final class StaticAssets {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("avif", "image/avif"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("otf", "font/otf"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("xml", "application/xml"));

  private record Asset(byte[] bytes, String type, String hash) {
    static Asset of(String name, byte[] bytes) {
      String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      return new Asset(
          bytes,
          TYPES.getOrDefault(extension, "application/octet-stream"),
          StaticAssets.hash(bytes));
    }
  }

  /** The theme's files read so far, for one version of the theme. */
  private record ThemeFiles(long version, Map<String, Asset> read) {}

  private final Map<String, Asset> assets = new HashMap<>();
  private final ThemeFolder theme;
  private final AtomicReference<ThemeFiles> themeFiles =
      new AtomicReference<>(new ThemeFiles(-1, Map.of()));

  /** The built-in files {@code names} (under {@code static/} on the classpath), and no theme. */
  public StaticAssets(List<String> names) {
    this(names, ThemeFolder.none());
  }

  public StaticAssets(List<String> names, ThemeFolder theme) {
    this.theme = theme;
    for (String name : names) {
      assets.put(name, Asset.of(name, read("/static/" + name)));
    }
  }

  /** The versioned URL of an asset, for templates. */
  public String url(String name) {
    Asset asset =
        find(name).orElseThrow(() -> new IllegalArgumentException("Unknown asset " + name));
    return "/assets/" + name + "?v=" + asset.hash();
  }

  /** The theme's file of that name if it has one, else the built-in one. */
  private Optional<Asset> find(String name) {
    if (!theme.present()) {
      return Optional.ofNullable(assets.get(name));
    }
    long version = theme.version();
    ThemeFiles files =
        themeFiles.updateAndGet(
            known ->
                known.version() == version
                    ? known
                    : new ThemeFiles(version, new ConcurrentHashMap<>()));
    Asset known = files.read().get(name);
    if (known != null) {
      return Optional.of(known);
    }
    // Only files found are remembered, so asking for made-up names fills no memory.
    Optional<Asset> fromTheme =
        theme.staticFile(name).flatMap(StaticAssets::readFile).map(bytes -> Asset.of(name, bytes));
    fromTheme.ifPresent(asset -> files.read().put(name, asset));
    return fromTheme.or(() -> Optional.ofNullable(assets.get(name)));
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
    Asset asset = find(name).orElseThrow(() -> new NotFoundException("asset " + name));
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

  private static Optional<byte[]> readFile(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      return Optional.empty(); // removed meanwhile: as if it were not there
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
