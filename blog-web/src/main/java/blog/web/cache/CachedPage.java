package blog.web.cache;

import blog.web.post.FormTokens;
import blog.web.security.Csrf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A rendered page split at its per-visitor placeholders: the text between them as UTF-8 bytes,
 * ready to be written, and what each gap stands for. Serving it costs one copy of the bytes and a
 * token per gap, not a search through the page; a large page is not even copied, but written in its
 * parts straight from memory outside the heap ({@link #parts}).
 */
final class CachedPage {
  /**
   * From this size on a page is kept outside the heap and written in parts: copying it whole for
   * every reader (and collecting the copies) costs more than a few more writes.
   */
  static final int WRITTEN_IN_PARTS = 32 * 1024;

  /** Where every placeholder starts; looked for byte by byte, not with a regex. */
  private static final String MARK = "@@";

  /** No form token: the gap stands for the CSRF token. */
  private static final long CSRF = -1;

  private final byte[][] texts;
  private final long[] gaps;
  private final int length;

  /** The texts outside the heap (read-only), for a page written in parts; else null. */
  private final ByteBuffer[] direct;

  /** The texts compressed for {@link GzipParts}, made on the first gzip answer. */
  private volatile GzipParts.Deflated[] deflated;

  private CachedPage(byte[][] texts, long[] gaps) {
    this.gaps = gaps;
    int total = 0;
    for (byte[] text : texts) {
      total += text.length;
    }
    this.length = total;
    if (total >= WRITTEN_IN_PARTS) {
      this.direct = new ByteBuffer[texts.length];
      for (int i = 0; i < texts.length; i++) {
        this.direct[i] =
            ByteBuffer.allocateDirect(texts[i].length).put(texts[i]).flip().asReadOnlyBuffer();
      }
      this.texts = null;
    } else {
      this.direct = null;
      this.texts = texts;
    }
  }

  static CachedPage of(String html) {
    return of(html.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #of(String)} from the page's UTF-8 bytes (the placeholders are ASCII). */
  static CachedPage of(byte[] html) {
    List<byte[]> texts = new ArrayList<>();
    List<Long> gaps = new ArrayList<>();
    int from = 0;
    for (int at = indexOf(html, MARK_BYTES, 0); at >= 0; ) {
      int end = -1;
      long gap = CSRF;
      if (startsWith(html, CSRF_BYTES, at)) {
        end = at + CSRF_BYTES.length;
      } else if (startsWith(html, FORM_BYTES, at)) {
        int digits = at + FORM_BYTES.length;
        int stop = digits;
        long postId = 0;
        while (stop < html.length && stop - digits < 18 && html[stop] >= '0' && html[stop] <= '9') {
          postId = postId * 10 + (html[stop] - '0');
          stop++;
        }
        if (stop > digits && startsWith(html, MARK_BYTES, stop)) {
          gap = postId;
          end = stop + MARK_BYTES.length;
        }
      }
      if (end < 0) {
        at = indexOf(html, MARK_BYTES, at + 1);
        continue;
      }
      texts.add(Arrays.copyOfRange(html, from, at));
      gaps.add(gap);
      from = end;
      at = indexOf(html, MARK_BYTES, end);
    }
    texts.add(from == 0 ? html : Arrays.copyOfRange(html, from, html.length));
    return new CachedPage(
        texts.toArray(byte[][]::new), gaps.stream().mapToLong(Long::longValue).toArray());
  }

  private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CSRF_BYTES =
      Csrf.TOKEN_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FORM_BYTES =
      FormTokens.PLACEHOLDER_PREFIX.getBytes(StandardCharsets.US_ASCII);

  private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
    return at + prefix.length <= bytes.length
        && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
  }

  /** Where {@code mark} (two bytes) next occurs in {@code bytes} from {@code from}; -1 if not. */
  private static int indexOf(byte[] bytes, byte[] mark, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == mark[0] && bytes[i + 1] == mark[1]) {
        return i;
      }
    }
    return -1;
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
    if (gaps.length == 0 && direct == null) {
      return texts[0];
    }
    List<ByteBuffer> parts = parts(csrfToken, formToken);
    int total = 0;
    for (ByteBuffer part : parts) {
      total += part.remaining();
    }
    ByteBuffer out = ByteBuffer.allocate(total);
    parts.forEach(out::put);
    return out.array();
  }

  /**
   * The page for one visitor as the buffers to write in order: the kept texts (shared, each a fresh
   * view) and the visitor's tokens between them.
   */
  List<ByteBuffer> parts(Supplier<String> csrfToken, LongFunction<String> formToken) {
    List<ByteBuffer> parts = new ArrayList<>(gaps.length * 2 + 1);
    byte[] csrf = null;
    for (int i = 0; i < gaps.length; i++) {
      parts.add(text(i));
      if (gaps[i] == CSRF) {
        if (csrf == null) {
          csrf = csrfToken.get().getBytes(StandardCharsets.UTF_8);
        }
        parts.add(ByteBuffer.wrap(csrf));
      } else {
        parts.add(ByteBuffer.wrap(formToken.apply(gaps[i]).getBytes(StandardCharsets.UTF_8)));
      }
    }
    parts.add(text(gaps.length));
    return parts;
  }

  /**
   * {@link #parts} as one gzip member, the texts compressed once for all readers and only the
   * visitor's tokens added per answer.
   */
  List<ByteBuffer> gzipParts(Supplier<String> csrfToken, LongFunction<String> formToken) {
    GzipParts.Deflated[] texts = deflated;
    if (texts == null) {
      // Two first answers at once may both compress; either result serves.
      texts = new GzipParts.Deflated[gaps.length + 1];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = GzipParts.deflate(text(i), i == gaps.length);
      }
      deflated = texts;
    }
    return GzipParts.of(parts(csrfToken, formToken), texts);
  }

  private ByteBuffer text(int i) {
    return direct != null ? direct[i].duplicate() : ByteBuffer.wrap(texts[i]);
  }
}
