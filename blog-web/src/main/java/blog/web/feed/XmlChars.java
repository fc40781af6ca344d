package blog.web.feed;

/**
 * Drops what XML 1.0 cannot carry at all (most control characters, lone surrogates, U+FFFE/FFFF):
 * one such character in a post or comment must not make a whole feed unwritable.
 */
final class XmlChars {
  private XmlChars() {}

  static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (ok && out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
