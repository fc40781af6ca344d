package blog.web.site;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers generated documents (feeds, the sitemap) with validators, and with 304 Not Modified when
 * the client's copy is current. The {@code ETag} is a hash of the bytes, so it changes exactly when
 * the document does. {@code Last-Modified} is when this server first produced these bytes for this
 * path: a date inside the document (a post's) would not move when a post is unpublished or a
 * comment count drops, and a client would keep a stale copy. It only ever moves forward per path,
 * by at least a second when the bytes change, so an {@code If-Modified-Since} copy is never judged
 * current by mistake, even with a stopped clock.
 */
public final class ConditionalGet {
  private static final int REMEMBERED_PATHS = 2048;

  private record Seen(String etag, Instant lastModified) {}

  private final Clock clock;
  private final Map<String, Seen> seen =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
          return size() > REMEMBERED_PATHS;
        }
      };

  public ConditionalGet(Clock clock) {
    this.clock = clock;
  }

  /** Writes {@code body} as {@code contentType} with its validators, or a bodiless 304. */
  public void respond(Context ctx, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String etag = "\"" + hash(bytes) + "\"";
    Instant lastModified = lastModified(ctx.path(), etag);
    ctx.header("ETag", etag);
    ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(utc(lastModified)));
    // Anyone may store it, but must ask again before using it: feeds should be fresh.
    ctx.header("Cache-Control", "public, no-cache");
    if (notModified(ctx, etag, lastModified)) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType).result(bytes);
  }

  private synchronized Instant lastModified(String path, String etag) {
    Seen before = seen.get(path);
    if (before != null && before.etag().equals(etag)) {
      return before.lastModified();
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant lastModified =
        before == null || now.isAfter(before.lastModified())
            ? now
            : before.lastModified().plusSeconds(1);
    seen.put(path, new Seen(etag, lastModified));
    return lastModified;
  }

  /** RFC 9110 section 13.2.2: If-None-Match decides when present, else If-Modified-Since. */
  static boolean notModified(Context ctx, String etag, Instant lastModified) {
    return notModified(
        ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, lastModified);
  }

  /**
   * Whether a client holding a copy validated by these request headers may keep it, given the
   * current {@code etag} and {@code lastModified} (the page cache asks too, for kept feeds).
   */
  public static boolean notModified(
      String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
    if (ifNoneMatch != null) {
      for (String candidate : ifNoneMatch.split(",")) {
        String tag = candidate.strip();
        if (tag.startsWith("W/")) {
          tag = tag.substring(2);
        }
        if (tag.equals("*") || tag.equals(etag)) {
          return true;
        }
      }
      return false;
    }
    if (ifModifiedSince == null || lastModified == null) {
      return false;
    }
    return httpDate(ifModifiedSince).filter(since -> !lastModified.isAfter(since)).isPresent();
  }

  /**
   * {@link #notModified(String, String, String, Instant)} for a kept answer's own headers: its
   * {@code ETag} and {@code Last-Modified} as stored (the page cache's kept feeds). A document
   * without an {@code ETag} is never judged current.
   */
  public static boolean notModified(
      String ifNoneMatch, String ifModifiedSince, Map<String, String> keptHeaders) {
    String etag = keptHeaders.get("ETag");
    if (etag == null || (ifNoneMatch == null && ifModifiedSince == null)) {
      return false;
    }
    String stamp = keptHeaders.get("Last-Modified");
    Instant lastModified = stamp == null ? null : httpDate(stamp).orElse(null);
    return notModified(ifNoneMatch, ifModifiedSince, etag, lastModified);
  }

  /** An HTTP date (RFC 9110's IMF-fixdate, as {@code Last-Modified} carries it), if it is one. */
  static Optional<Instant> httpDate(String text) {
    try {
      return Optional.of(
          ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static ZonedDateTime utc(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
