package blog.web.cache;

import blog.core.change.ContentVersions;
import blog.core.change.SeenVersions;
import blog.core.change.VersionMemos;
import blog.web.ops.RequestTracking;
import blog.web.post.FormTokens;
import blog.web.security.Csrf;
import blog.web.site.ConditionalGet;
import blog.web.site.Shown;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rendered public pages for visitors without personal state, kept until anything a reader can see
 * changes. A page is shared only by visitors who send no cookie but the browser-id one, so nothing
 * personal (a commenter's name, a held comment, remembered form fields, a staff bar) can be in it;
 * the two per-visitor values every page may carry, the CSRF token and the comment form's one-time
 * token, are rendered as placeholders and filled in for each visitor on the way out.
 *
 * <p>Entries are keyed by {@link ContentVersion}: a change on any instance makes every entry stale
 * within the version's bound — but a post's page only when that post, its comments, a commenter or
 * the listing changed, and a listing only when the listing or the comments of a post it shows
 * changed ({@link Shown}), so a busy discussion leaves the rest of the blog kept; a state-changing
 * request on this instance reads the new version at once, so its own visitor never sees the page
 * from before. Pages also go stale when a scheduled post becomes due and after {@link #MAX_AGE}
 * (for what time alone changes, like "comments close after N days").
 *
 * <p>While a page is rendered anew, other readers of it are answered with the page it replaces if
 * that page was rendered from versions read less than {@link #STALE_BOUND} ago ({@code
 * X-Page-Cache: stale}): on a post taking comments every few milliseconds, one reader renders and
 * the others read, rather than each waiting for a render of their own. Whoever made the change
 * carries a cookie (their own comment's, their session's), so their pages are never shared, and
 * never stale.
 */
public final class PageCache {
  static final Duration MAX_AGE = VersionMemos.MAX_AGE;
  static final String HEADER = "X-Page-Cache";
  private static final String KEY = "page-cache.key";
  private static final String VERSION = "page-cache.version";
  private static final String THEME = "page-cache.theme";
  private static final String READ_AT = "page-cache.read-at";
  private static final String HIT = "page-cache.hit";
  private static final String TICKET = "page-cache.ticket";

  /** How long a request waits for another's render of the same page before rendering itself. */
  static final Duration SHARED_RENDER_PATIENCE = Duration.ofSeconds(2);

  /**
   * How old the versions a page was rendered from may be for it to be answered while its
   * replacement is rendered: what a reader may miss of a change, at most this long.
   */
  static final Duration STALE_BOUND = Duration.ofSeconds(1);

  /**
   * How old the versions a hot page (one rendered anew within {@link #STALE_BOUND} of the page it
   * replaced) was rendered from may be for it to be answered, once no longer current, with no
   * render of its replacement under way: on a post taking comments faster than it renders, renders
   * (and the reader who waits for each) come at most every this long, not back to back. Within
   * {@link #STALE_BOUND}.
   */
  static final Duration STALE_WITHOUT_RENDER = Duration.ofMillis(250);

  /**
   * One stored page: the body with placeholders, its headers, and until when it holds. {@code
   * shown}: what the page shows, whose own version ({@link Shown.What#version}) it was kept at;
   * {@code theme}: the version of the theme's files it was drawn with; {@code read}: when the
   * versions it was rendered at were read (it shows nothing older).
   */
  record Entry(
      CachedPage page,
      String contentType,
      Map<String, String> headers,
      String route,
      Shown.What shown,
      long version,
      long theme,
      Instant read,
      Instant until,
      boolean hot) {
    /**
     * This page kept in place of {@code old}: hot if {@code old} was read under {@link
     * #STALE_BOUND} before it, i.e. the page changes more than once a second.
     */
    Entry replacing(Entry old) {
      boolean changesOften = read.isBefore(old.read().plus(STALE_BOUND));
      return new Entry(
          page, contentType, headers, route, shown, version, theme, read, until, changesOften);
    }
  }

  /** A kept page to answer with: current, or {@code stale} while its replacement is rendered. */
  record Found(Entry entry, boolean stale) {
    String header() {
      return stale ? "stale" : "hit";
    }
  }

  private final boolean enabled;
  private final Cache<String, Entry> entries;
  private final Function<Instant, Optional<Instant>> nextPublication;
  private final SeenVersions versions;
  private final Csrf csrf;
  private final FormTokens formTokens;
  private final Clock clock;
  private final LongSupplier themeVersion;

  private final SharedRenders<Entry> renders = new SharedRenders<>(SHARED_RENDER_PATIENCE);
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /**
   * {@code maxBytes}: about how much page text to keep (0 turns the cache off); {@code versions}:
   * what pages are keyed by; {@code nextPublication}: when the next scheduled post after an instant
   * becomes visible; {@code themeVersion}: grows when the theme's files change, which ends every
   * kept page.
   */
  public PageCache(
      long maxBytes,
      SeenVersions versions,
      Function<Instant, Optional<Instant>> nextPublication,
      Csrf csrf,
      FormTokens formTokens,
      Clock clock,
      LongSupplier themeVersion) {
    this.enabled = maxBytes > 0;
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(1, maxBytes))
            .<String, Entry>weigher((key, e) -> key.length() * 2 + e.page().length() + 64)
            .build();
    this.versions = versions;
    this.nextPublication = nextPublication;
    this.csrf = csrf;
    this.formTokens = formTokens;
    this.clock = clock;
    this.themeVersion = themeVersion;
  }

  /**
   * Before a matched route: answers from the cache when it can (and skips the handler), or marks
   * the request so its page is rendered with placeholders and kept.
   */
  public void before(Context ctx) {
    if (!enabled || !CacheRules.shareable(ctx, csrf.cookieName())) {
      return;
    }
    String key = CacheRules.key(ctx.header("Host"), ctx.path(), ctx.queryString());
    ContentVersions versions = this.versions.now();
    Entry entry = entries.getIfPresent(key);
    if (fresh(entry, versions)) {
      answer(ctx, new Found(entry, false));
      return;
    }
    Instant now = clock.instant();
    if (staleAllowed(entry, now)) {
      // One reader renders the new page; the others are answered with the one it replaces. A page
      // read under STALE_WITHOUT_RENDER ago is answered as it is, no render started.
      Optional<SharedRenders.Ticket<Entry>> mine =
          staleWithoutRender(entry, now) ? Optional.empty() : renders.start(key, versions.all());
      if (mine.isEmpty()) {
        answer(ctx, new Found(entry, true));
        return;
      }
      ctx.attribute(TICKET, mine.get());
    } else {
      SharedRenders.Turn<Entry> turn = renders.turn(key, versions.all());
      if (turn instanceof SharedRenders.Turn.Render<Entry> render) {
        ctx.attribute(TICKET, render.ticket());
      } else if (turn instanceof SharedRenders.Turn.Rendered<Entry> rendered
          && rendered.kept().filter(e -> fresh(e, versions)).isPresent()) {
        answer(ctx, new Found(rendered.kept().get(), false));
        return;
      }
    }
    misses.incrementAndGet();
    ctx.attribute(KEY, key);
    ctx.attribute(VERSION, versions);
    ctx.attribute(READ_AT, now);
    // Read before the render: a theme changed meanwhile leaves the page stale, not kept as new.
    ctx.attribute(THEME, themeVersion.getAsLong());
    Csrf.defer(ctx);
  }

  /** Answers with a kept page, the visitor's tokens filled in, and skips the handler. */
  private void answer(Context ctx, Found found) {
    hits.incrementAndGet();
    Entry entry = found.entry();
    ctx.attribute(HIT, Boolean.TRUE);
    entry.headers().forEach(ctx::header);
    ctx.header(HEADER, found.header());
    if (ConditionalGet.notModified(
        ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), entry.headers())) {
      ctx.status(304);
    } else {
      ctx.contentType(entry.contentType()).result(personalise(ctx, entry.page()));
    }
    ctx.skipRemainingHandlers();
  }

  /**
   * After every request: keeps a page rendered for the cache and fills in its placeholders; after a
   * request that may have changed something, catches up with the database's version at once.
   */
  public void after(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(HIT))) {
      return;
    }
    SharedRenders.Ticket<Entry> ticket = ctx.attribute(TICKET);
    Entry kept = null;
    try {
      kept = keep(ctx);
    } finally {
      if (ticket != null) {
        renders.finish(ticket, kept);
      }
    }
  }

  /** {@link #after} for a request not answered from the cache: what it kept, if anything. */
  private Entry keep(Context ctx) {
    HandlerType method = ctx.method();
    if (method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS) {
      // Also with the page cache off: the memos key on the same versions. After the answer's
      // work: this request holds no database connection any more.
      versions.readAfterWrite();
    }
    if (!Csrf.deferred(ctx)) {
      return null;
    }
    Csrf.resume(ctx);
    // The page's bytes as the handler wrote them: not decoded into text and encoded again.
    InputStream result = ctx.resultInputStream();
    if (result == null) {
      return null;
    }
    CachedPage page;
    try {
      page = CachedPage.of(result.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String key = ctx.attribute(KEY);
    ContentVersions versions = ctx.attribute(VERSION);
    Long theme = ctx.attribute(THEME);
    Instant read = ctx.attribute(READ_AT);
    Entry kept = null;
    if (key != null
        && versions != null
        && theme != null
        && read != null
        && CacheRules.storable(ctx, csrf.cookieName())) {
      Shown.What shown = Shown.of(ctx);
      Instant now = clock.instant();
      Instant until = now.plus(MAX_AGE);
      Optional<Instant> due = nextPublication.apply(now);
      if (due.isPresent() && due.get().isBefore(until)) {
        until = due.get();
      }
      kept =
          new Entry(
              page,
              String.valueOf(ctx.res().getContentType()),
              CacheRules.keptHeaders(ctx),
              RequestTracking.route(ctx),
              shown,
              shown.version(versions),
              theme,
              read,
              until,
              false);
      // A render that began earlier and ended later (one of readers past the stale bound) does not
      // replace a newer page.
      entries
          .asMap()
          .merge(
              key,
              kept,
              (old, made) -> made.read().isBefore(old.read()) ? old : made.replacing(old));
      ctx.header(HEADER, "miss");
    }
    ctx.result(personalise(ctx, page));
    return kept;
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }

  private byte[] personalise(Context ctx, CachedPage page) {
    return render(page, () -> csrf.token(ctx));
  }

  /**
   * For the answers Jetty gives before Javalin ({@link FastHits}): the entry for a plain request to
   * {@code path}, if one is kept and current, or stale within the bound while another request
   * renders its replacement. Counted as a hit when found; a request it does not answer goes on to
   * Javalin, where {@link #before} counts the miss (or renders the replacement).
   */
  Optional<Found> current(String host, String path, String query) {
    if (!enabled || !CacheRules.sharedPath(path)) {
      return Optional.empty();
    }
    String key = CacheRules.key(host, path, query);
    Entry entry = entries.getIfPresent(key);
    Found found;
    if (fresh(entry, versions.now())) {
      found = new Found(entry, false);
    } else if (staleAllowed(entry, clock.instant())
        && (renders.rendering(key) || staleWithoutRender(entry, clock.instant()))) {
      found = new Found(entry, true);
    } else {
      return Optional.empty();
    }
    hits.incrementAndGet();
    return Optional.of(found);
  }

  /**
   * Whether a kept page that is no longer current may still be answered while its replacement is
   * rendered: drawn with the theme of now, not expired, and from versions read less than {@link
   * #STALE_BOUND} ago, so it lacks only what changed since then.
   */
  private boolean staleAllowed(Entry entry, Instant now) {
    return entry != null
        && now.isBefore(entry.until())
        && now.isBefore(entry.read().plus(STALE_BOUND))
        && entry.theme() == themeVersion.getAsLong();
  }

  /**
   * Whether {@code entry} may be answered stale with no render of its replacement under way: not in
   * exact mode, which answers from the database's version of the moment.
   */
  private boolean staleWithoutRender(Entry entry, Instant now) {
    return !versions.exact()
        && entry.hot()
        && now.isBefore(entry.read().plus(STALE_WITHOUT_RENDER));
  }

  /**
   * Holds a render of a page open, as a slow render would, so that tests can see what other readers
   * are answered meanwhile; the returned action ends it, keeping nothing.
   */
  Runnable holdRender(String host, String path) {
    SharedRenders.Ticket<Entry> ticket =
        renders.start(CacheRules.key(host, path, null), -1).orElseThrow(IllegalStateException::new);
    return () -> renders.finish(ticket, null);
  }

  /**
   * An entry made at the versions answers are keyed by now (the version of what it shows), and not
   * expired.
   */
  private boolean fresh(Entry entry, ContentVersions versions) {
    if (entry == null || !clock.instant().isBefore(entry.until())) {
      return false;
    }
    return entry.version() == entry.shown().version(versions)
        && entry.theme() == themeVersion.getAsLong();
  }

  /**
   * A kept page for one visitor: its CSRF token (asked only if a form needs it) and form tokens.
   */
  byte[] render(CachedPage page, Supplier<String> csrfToken) {
    Instant now = clock.instant();
    return page.render(csrfToken, postId -> formTokens.issue(postId, now));
  }

  /** {@link #render} as the buffers to write in order (see {@link CachedPage#parts}). */
  List<ByteBuffer> parts(CachedPage page, Supplier<String> csrfToken) {
    Instant now = clock.instant();
    return page.parts(csrfToken, postId -> formTokens.issue(postId, now));
  }

  /** {@link #parts} gzipped (see {@link CachedPage#gzipParts}). */
  List<ByteBuffer> gzipParts(CachedPage page, Supplier<String> csrfToken) {
    Instant now = clock.instant();
    return page.gzipParts(csrfToken, postId -> formTokens.issue(postId, now));
  }

  /** The browser-id cookie, the one cookie a visitor may send and still share pages. */
  String browserIdCookie() {
    return csrf.cookieName();
  }
}
