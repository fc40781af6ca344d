package blog.web.site;

import blog.core.site.AccentColor;
import blog.core.site.SiteLook;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The small stylesheet made from the site's settings (the accent colour), at {@code
 * /assets/site.css}: the colour and a darker shade for white pages, and for the dark colour scheme
 * ({@code prefers-color-scheme: dark}) a tint of it light enough to read on {@link
 * #DARK_BACKGROUND} (at least {@link #DARK_CONTRAST}:1), with dark text on its buttons. The content
 * security policy allows no inline styles, so the layout links to it as to any asset, with the hash
 * of its content in the URL: a changed colour is a new URL, and each version may be kept by
 * browsers for a year.
 */
public final class SiteStylesheet {
  public static final String PATH = "/assets/site.css";

  /** The page's background in the dark scheme ({@code --bg} in css/blog.css). */
  static final String DARK_BACKGROUND = "#15171a";

  /**
   * The accent's least contrast in the dark scheme: AA's 4.5:1 with room to spare, so links stay
   * readable on the slightly lighter panels (the reply form's, the code blocks').
   */
  static final double DARK_CONTRAST = 6.0;

  private final Supplier<SiteLook> look;

  public SiteStylesheet(Supplier<SiteLook> look) {
    this.look = look;
  }

  /** The stylesheet for {@code look}. */
  static String css(SiteLook look) {
    String accent = look.accent();
    String dark = AccentColor.tintFor(accent, DARK_BACKGROUND, DARK_CONTRAST);
    return ":root{--accent:"
        + accent
        + ";--accent-strong:"
        + AccentColor.scaled(accent, 0.7)
        + "}\n@media (prefers-color-scheme: dark){:root{--accent:"
        + dark
        + ";--accent-strong:"
        + AccentColor.mixedWithWhite(dark, 0.35)
        + "}}\n";
  }

  /** The versioned URL of the stylesheet for {@code look}, for the layout. */
  public static String url(SiteLook look) {
    return PATH + "?v=" + hash(css(look));
  }

  /** {@code GET /assets/site.css} */
  public void serve(Context ctx) {
    String css = css(look.get());
    String hash = hash(css);
    String etag = "\"" + hash + "\"";
    ctx.header("ETag", etag);
    ctx.header(
        "Cache-Control",
        hash.equals(ctx.queryParam("v")) ? "public, max-age=31536000, immutable" : "no-cache");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType("text/css; charset=utf-8").result(css);
  }

  private static String hash(String css) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
