package blog.web.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Pieces of pages (a comment as everyone sees it, a post's article) rendered once and kept, up to a
 * number of bytes, the least used going first. A piece is keyed by its template, the version of the
 * theme's files and a value that determines everything its model shows (a view record, compared by
 * value): whatever changes what a piece would show — an edit, a status, a name, a setting that
 * formats its date, a template — makes another key, so a kept piece is never stale, and an entry no
 * page asks for any more simply ages out. Nothing personal may be in a key's model: pieces are
 * shared by every reader, and what is theirs alone (edit links, tokens) stays outside them.
 */
public final class KeptFragments {
  private record Key(String template, long theme, Object shows) {}

  private final Cache<Key, String> kept;
  private final BiFunction<String, Map<String, Object>, String> render;
  private final LongSupplier themeVersion;

  /**
   * {@code maxBytes}: about how much to keep (0 keeps nothing); {@code render}: a template and its
   * model to HTML, as readers get it; {@code themeVersion}: grows when the theme's files change.
   */
  public KeptFragments(
      long maxBytes,
      BiFunction<String, Map<String, Object>, String> render,
      LongSupplier themeVersion) {
    this.kept =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(0, maxBytes))
            // The key holds about as much text as the piece (the comment's own text is in both).
            .<Key, String>weigher((key, html) -> html.length() * 2 + 256)
            .build();
    this.render = render;
    this.themeVersion = themeVersion;
  }

  /**
   * {@code template} rendered with {@code model}, which must show nothing but what {@code shows}
   * determines: kept, or rendered now and kept.
   */
  public String render(String template, Object shows, Supplier<Map<String, Object>> model) {
    Key key = new Key(template, themeVersion.getAsLong(), shows);
    String html = kept.getIfPresent(key);
    if (html == null) {
      // Rendered outside the cache's own lock: a piece may be made of kept pieces (a thread of its
      // comments), and two readers rendering the same piece at once both get it right.
      html = render.apply(template, model.get());
      kept.put(key, html);
    }
    return html;
  }

  /** The version of the theme's files pieces are kept for now. */
  public long themeVersion() {
    return themeVersion.getAsLong();
  }

  /** How many pieces are kept now (for tests). */
  public long size() {
    kept.cleanUp();
    return kept.estimatedSize();
  }
}
