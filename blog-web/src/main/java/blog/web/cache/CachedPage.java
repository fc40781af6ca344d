package blog.web.cache;

import blog.web.post.FormTokens;
import blog.web.security.Csrf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rendered page split at its per-visitor placeholders: the text between them as UTF-8 bytes,
 * ready to be written, and what each gap stands for. Serving it costs one copy of the bytes and a
 * token per gap, not a search through the page.
 */
final class CachedPage {
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          Pattern.quote(Csrf.TOKEN_PLACEHOLDER)
              + "|"
              + Pattern.quote(FormTokens.PLACEHOLDER_PREFIX)
              + "(\\d{1,18})@@");

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
    Matcher m = PLACEHOLDER.matcher(html);
    int from = 0;
    while (m.find()) {
      texts.add(html.substring(from, m.start()).getBytes(StandardCharsets.UTF_8));
      gaps.add(m.group(1) == null ? CSRF : Long.parseLong(m.group(1)));
      from = m.end();
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
