package blog.web.site;

import blog.core.NotFoundException;
import blog.core.comment.AvatarSource;
import blog.core.federation.AvatarRepository;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Avatars drawn here by default rather than fetched from Gravatar: a symmetric 5×5 identicon keyed
 * by a hash of the (public) display name, so no email hash is published and no reader's browser
 * calls a third party. Gravatar is an opt-in setting ({@link AvatarSource#GRAVATAR}).
 */
public final class Avatars {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{16}\\.svg");
  private static final String GRAVATAR = "https://www.gravatar.com/avatar/";

  private Avatars() {}

  /**
   * {@code GET …/avatars/{id}}: a remote author's avatar as the blog fetched and stored it (the
   * fediverse's and Webmention's), sandboxed, for a day in caches; 404 for no such id.
   */
  public static void serveStored(Context ctx, AvatarRepository stored) {
    String raw = ctx.pathParam("id");
    Optional<AvatarRepository.Avatar> avatar =
        raw.matches("[0-9]{1,18}") ? stored.find(Long.parseLong(raw)) : Optional.empty();
    if (avatar.isEmpty()) {
      throw new NotFoundException("no such avatar");
    }
    ctx.contentType(avatar.get().contentType());
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
    ctx.result(avatar.get().data());
  }

  public static String url(String displayName) {
    return "/avatar/" + key(displayName) + ".svg";
  }

  /**
   * A comment's avatar: with {@link AvatarSource#GRAVATAR}, Gravatar's picture for the email (by
   * its SHA-256 hash, which Gravatar accepts; its own identicon where it has none), otherwise and
   * for comments without an email the local identicon of the display name.
   */
  public static String url(String displayName, String email, AvatarSource source) {
    if (source == AvatarSource.GRAVATAR && email != null && !email.isBlank()) {
      return GRAVATAR + sha256(email.strip().toLowerCase(Locale.ROOT)) + "?s=96&d=identicon";
    }
    return url(displayName);
  }

  static String key(String displayName) {
    String normalised = displayName == null ? "" : displayName.strip().toLowerCase(Locale.ROOT);
    return sha256(normalised).substring(0, 16);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET /avatar/{key}}: the identicon for a key; it never changes, so cache it long. */
  public static void serve(Context ctx) {
    String file = ctx.pathParam("key");
    if (!KEY.matcher(file).matches()) {
      throw new NotFoundException("avatar " + file);
    }
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType("image/svg+xml").result(identicon(HexFormat.of().parseHex(file, 0, 16)));
  }

  static String identicon(byte[] bits) {
    int hue = ((bits[0] & 0xff) << 8 | (bits[1] & 0xff)) % 360;
    StringBuilder svg =
        new StringBuilder(1024)
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 5 5\"")
            .append(" shape-rendering=\"crispEdges\">")
            .append("<rect width=\"5\" height=\"5\" fill=\"#f0f0f0\"/>")
            .append("<g fill=\"hsl(")
            .append(hue)
            .append(",55%,50%)\">");
    for (int row = 0; row < 5; row++) {
      for (int col = 0; col < 3; col++) {
        int bit = row * 3 + col;
        boolean on = ((bits[2 + bit / 8] >> (bit % 8)) & 1) == 1;
        if (on) {
          cell(svg, col, row);
          if (col < 2) {
            cell(svg, 4 - col, row);
          }
        }
      }
    }
    return svg.append("</g></svg>").toString();
  }

  private static void cell(StringBuilder svg, int x, int y) {
    svg.append("<rect x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"1\" height=\"1\"/>");
  }
}
