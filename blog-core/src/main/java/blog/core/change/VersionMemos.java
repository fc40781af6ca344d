package blog.core.change;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Values computed from the blog's rows kept per content version, on the same terms as kept pages:
 * until the version they depend on moves, a scheduled post falls due, or {@link #MAX_AGE} passes.
 * For what sums up the blog (the sidebar, where listings start) and one post's discussion (where
 * its comment pages start); read models use them with the page cache on or off, with the versions
 * the page cache keys its pages by, so a page rendered for version v never carries an older value.
 */
public final class VersionMemos {
  /** The longest a kept value (or page) is kept, whatever the version. */
  public static final Duration MAX_AGE = Duration.ofSeconds(60);

  /** How many keys a per-key memo keeps (those asked for most lately). */
  public static final int KEYS = 256;

  private final Supplier<ContentVersions> versions;
  private final Function<Instant, Optional<Instant>> nextPublication;
  private final Clock clock;

  /**
   * {@code versions}: the content versions now, as answers are keyed by; {@code nextPublication}:
   * when the next scheduled post after an instant falls due.
   */
  public VersionMemos(
      Supplier<ContentVersions> versions,
      Function<Instant, Optional<Instant>> nextPublication,
      Clock clock) {
    this.versions = versions;
    this.nextPublication = nextPublication;
    this.clock = clock;
  }

  /**
   * {@code source} kept per listing version: for what sums up the blog's posts and terms (sidebar,
   * where listings start, counts), which a new comment leaves alone.
   */
  public <T> Memo<T> perListingVersion(Supplier<T> source) {
    return new Memo<>(source, this::listingVersion, nextPublication, clock);
  }

  /**
   * {@link #perListingVersion(Supplier)} for each key (a listing: where its pages start), for the
   * {@value #KEYS} keys asked for most lately.
   */
  public <K, T> Function<K, T> perListingVersionEach(Function<K, T> source) {
    return each(source, key -> this::listingVersion);
  }

  /**
   * {@code source} for each key, kept per version of post {@code post.applyAsLong(key)}'s page (see
   * {@link ContentVersions#forPost}: its comments, the listing, commenters), for the {@value #KEYS}
   * keys asked for most lately: for what sums up one post's discussion (where its comment pages
   * start).
   */
  public <K, T> Function<K, T> perPostVersionEach(Function<K, T> source, ToLongFunction<K> post) {
    return each(source, key -> () -> versions.get().forPost(post.applyAsLong(key)));
  }

  private long listingVersion() {
    return versions.get().listing();
  }

  private <K, T> Function<K, T> each(Function<K, T> source, Function<K, LongSupplier> version) {
    Cache<K, Memo<T>> memos = Caffeine.newBuilder().maximumSize(KEYS).build();
    return key ->
        memos
            .get(
                key,
                k -> new Memo<>(() -> source.apply(k), version.apply(k), nextPublication, clock))
            .get();
  }
}
