package blog.web.cache;

import blog.web.post.FormTokens;
import blog.web.security.Csrf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A rendered page split at its per-visitor placeholders: the text between them as UTF-8 bytes,
 * ready to be written, and what each gap stands for. Serving it costs one copy of the bytes and a
 * token per gap, not a search through the page.
 */
final class CachedPage {
  /** Where every placeholder starts; looked for with {@link String#indexOf}, not a regex. */
  private static final String MARK = "@@";

  /** No form token: the gap stands for the CSRF token. */
  private static final long CSRF = -1;

  private final byte[][] texts;
  private final long[] gaps;
  private final int length;

  private CachedPage(byte[][] texts, long[] gaps) {
    this.texts = texts;
    this.gaps = gaps;
    int total = 0;
    for (byte[] text : texts) {
      total += text.length;
    }
    this.length = total;
  }

  static CachedPage of(String html) {
    List<byte[]> texts = new ArrayList<>();
    List<Long> gaps = new ArrayList<>();
    int from = 0;
    for (int at = html.indexOf(MARK); at >= 0; ) {
      int end = -1;
      long gap = CSRF;
      if (html.startsWith(Csrf.TOKEN_PLACEHOLDER, at)) {
        end = at + Csrf.TOKEN_PLACEHOLDER.length();
      } else if (html.startsWith(FormTokens.PLACEHOLDER_PREFIX, at)) {
        int digits = at + FormTokens.PLACEHOLDER_PREFIX.length();
        int stop = digits;
        while (stop < html.length()
            && stop - digits < 18
            && html.charAt(stop) >= '0'
            && html.charAt(stop) <= '9') {
          stop++;
        }
        if (stop > digits && html.startsWith(MARK, stop)) {
          gap = Long.parseLong(html, digits, stop, 10);
          end = stop + MARK.length();
        }
      }
      if (end < 0) {
        at = html.indexOf(MARK, at + 1);
        continue;
      }
      texts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
      gaps.add(gap);
      from = end;
      at = html.indexOf(MARK, end);
    }
    texts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
    return new CachedPage(
        texts.toArray(byte[][]::new), gaps.stream().mapToLong(Long::longValue).toArray());
  }

  /** Bytes of text kept (what the cache weighs). */
  int length() {
    return length;
  }

  /**
   * The page for one visitor: {@code csrfToken} is asked once if any gap needs it, {@code
   * formToken} once per form.
   */
  byte[] render(Supplier<String> csrfToken, LongFunction<String> formToken) {
    if (gaps.length == 0) {
      return texts[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + gaps.length * 128);
    byte[] csrf = null;
    for (int i = 0; i < gaps.length; i++) {
      out.writeBytes(texts[i]);
      if (gaps[i] == CSRF) {
        if (csrf == null) {
          csrf = csrfToken.get().getBytes(StandardCharsets.UTF_8);
        }
        out.writeBytes(csrf);
      } else {
        out.writeBytes(formToken.apply(gaps[i]).getBytes(StandardCharsets.UTF_8));
      }
    }
    out.writeBytes(texts[gaps.length]);
    return out.toByteArray();
  }
}
