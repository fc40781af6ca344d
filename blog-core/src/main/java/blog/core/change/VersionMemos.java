package blog.core.change;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
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

  /**
   * As {@link #perPostVersionEach}, but keeping values up to a total {@code maxWeight} of {@code
   * weight} (say, comments) instead of a number of keys: for values whose size varies a
   * thousandfold, as a page of a post's comments does. A value is kept for the version of the
   * post's page it was read at, and asked for at another version it is read again.
   */
  public <K, T> Function<K, T> perPostVersionWeighed(
      Function<K, T> source, ToLongFunction<K> post, ToIntFunction<T> weight, long maxWeight) {
    record Held<T>(T value, long version, Instant until) {}
    // One value per key: a value read at a newer version replaces the older one at once (a busy
    // discussion would otherwise fill the budget with versions nobody asks for any more).
    Cache<K, Held<T>> kept =
        Caffeine.newBuilder()
            .maximumWeight(maxWeight)
            .<K, Held<T>>weigher((key, held) -> 1 + weight.applyAsInt(held.value()))
            .build();
    return key -> {
      long version = versions.get().forPost(post.applyAsLong(key));
      Instant now = clock.instant();
      Held<T> held = kept.getIfPresent(key);
      if (held != null && held.version() == version && now.isBefore(held.until())) {
        return held.value();
      }
      T value = source.apply(key);
      kept.asMap()
          .merge(
              key,
              new Held<>(value, version, until(now)),
              // A read that began at an older version does not replace a newer one.
              (old, made) -> made.version() < old.version() ? old : made);
      return value;
    };
  }

  /**
   * {@code source} for each key (a page of a listing), kept while the listing and the comments of
   * the posts it holds ({@code postIds} of the value: their counts show on it) stay as they were —
   * {@link ContentVersions#forListing} of their rows — for the {@value #KEYS} keys asked for most
   * lately. A comment on a post the value does not hold leaves it kept.
   */
  public <K, T> Function<K, T> perListingOf(
      Function<K, T> source, Function<T, Collection<Long>> postIds) {
    record Held<T>(T value, long slots, long version, Instant until) {}
    Cache<K, Held<T>> kept = Caffeine.newBuilder().maximumSize(KEYS).build();
    return key -> {
      ContentVersions now = versions.get();
      Instant at = clock.instant();
      Held<T> held = kept.getIfPresent(key);
      if (held != null
          && held.version() == now.forListing(held.slots())
          && at.isBefore(held.until())) {
        return held.value();
      }
      // The versions were read before the value: it is at least as new as what they say.
      T value = source.apply(key);
      long slots = ContentVersions.slotsOf(postIds.apply(value));
      kept.put(key, new Held<>(value, slots, now.forListing(slots), until(at)));
      return value;
    };
  }

  /** Until when a value read at {@code now} may be kept: {@link #MAX_AGE}, or the next post due. */
  Instant until(Instant now) {
    Instant until = now.plus(MAX_AGE);
    Optional<Instant> due = nextPublication.apply(now);
    return due.isPresent() && due.get().isBefore(until) ? due.get() : until;
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
