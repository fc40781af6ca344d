package blog.core.media;

import blog.core.text.OneLine;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names for uploads. The original name is the browser's claim and untrusted: it is kept only as a
 * label and for a readable, safe file name in the public path. The extension always comes from the
 * bytes.
 */
final class MediaNames {
  static final int MAX_ORIGINAL = 255;
  static final int MAX_SAFE = 80;
  static final int HASH_PREFIX = 16;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
  private static final Pattern PATH =
      Pattern.compile("/media/[0-9a-f]{16}/[a-z0-9]+(-[a-z0-9]+)*\\.(png|jpg|gif|webp)");

  private MediaNames() {}

  /** The file name without any directories a browser may send, control characters and excess. */
  static String original(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = OneLine.clean(n, "");
    if (n.length() > MAX_ORIGINAL) {
      n = n.substring(0, MAX_ORIGINAL);
    }
    return n.isEmpty() ? "image" : n;
  }

  /** Lower-case ASCII words joined by dashes, from the name without its extension. */
  static String safe(String original) {
    int dot = original.lastIndexOf('.');
    String base = dot > 0 ? original.substring(0, dot) : original;
    String ascii = MARKS.matcher(Normalizer.normalize(base, Normalizer.Form.NFKD)).replaceAll("");
    String safe = NON_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
    if (safe.length() > MAX_SAFE) {
      safe = safe.substring(0, MAX_SAFE);
    }
    safe = safe.replaceAll("(^-+)|(-+$)", "");
    return safe.isEmpty() ? "image" : safe;
  }

  static String path(String sha256, String safeName, ImageType type) {
    return "/media/" + sha256.substring(0, HASH_PREFIX) + "/" + safeName + "." + type.extension();
  }

  static boolean isMediaPath(String path) {
    return path != null && path.length() <= 200 && PATH.matcher(path).matches();
  }

  /** Alt text for Markdown: one line, without the brackets and backslashes that would end it. */
  static String alt(String alt, String original) {
    String text = alt == null || alt.isBlank() ? stripExtension(original) : alt;
    text = OneLine.clean(text, " ").replaceAll("[\\[\\]\\\\]", "").strip();
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
