package blog.core.webmention;

import blog.core.db.Transactions;
import blog.core.federation.BlockRepository;
import blog.core.federation.DeliveryRepository;
import blog.core.federation.Refused;
import blog.core.federation.ServerRateLimit;
import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's door (Recommendation, section 3.2.1): a mention is taken only when source and
 * target are http(s) addresses, not the same, the target is a visible post of this blog, the
 * source's server is not blocked and has not sent too many mentions lately. Nothing is fetched
 * here: the mention is stored and queued for verification in one transaction, and the endpoint
 * answers 202 at once.
 */
public final class MentionReceiver {
  /** Mentions from one server per minute (per instance); a blog's readers write far fewer. */
  public static final int LIMIT_PER_MINUTE = 60;

  private static final Pattern PERMALINK = Pattern.compile("/[0-9]{4}/[0-9]{2}/[0-9]{2}/([^/]+)/?");
  private static final Logger log = LoggerFactory.getLogger(MentionReceiver.class);

  private final Transactions transactions;
  private final MentionRepository mentions;
  private final DeliveryRepository checks;
  private final PostRepository posts;
  private final SettingsRepository settings;
  private final BlockRepository blocks;
  private final ServerRateLimit rateLimit;
  private final String baseUrl;
  private final Clock clock;
  private final Runnable wake;

  public MentionReceiver(
      Transactions transactions,
      MentionRepository mentions,
      DeliveryRepository checks,
      PostRepository posts,
      SettingsRepository settings,
      BlockRepository blocks,
      ServerRateLimit rateLimit,
      String baseUrl,
      Clock clock,
      Runnable wake) {
    this.transactions = transactions;
    this.mentions = mentions;
    this.checks = checks;
    this.posts = posts;
    this.settings = settings;
    this.blocks = blocks;
    this.rateLimit = rateLimit;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.wake = wake;
  }

  /** Takes the mention for verification; {@link Refused} (400, 403, 429) says why not. */
  public void receive(String rawSource, String rawTarget) {
    URI source = web(rawSource, "source");
    URI target = web(rawTarget, "target");
    if (Microformats.same(source.toString(), target.toString())) {
      throw new Refused(400, "source and target are the same address");
    }
    Instant now = clock.instant();
    Post post =
        postOf(target, now)
            .orElseThrow(() -> new Refused(400, "the target is not a post of this blog"));
    String host = source.getHost().toLowerCase(Locale.ROOT);
    if (blocks.isBlocked(null, host)) {
      throw new Refused(403, "mentions from " + host + " are not taken");
    }
    rateLimit.count(host);
    String s = source.toString();
    String t = target.toString();
    transactions.inTransaction(
        () -> {
          mentions.received(s, t, post.id(), host, now);
          return checks.enqueue(t, s, now, now);
        });
    log.info("mention of post {} from {} queued for verification", post.id(), host);
    wake.run();
  }

  /** The visible post {@code target} names, if it is one of this blog's permalinks. */
  Optional<Post> postOf(URI target, Instant now) {
    URI base = URI.create(baseUrl);
    String authority = target.getRawAuthority() == null ? "" : target.getRawAuthority();
    if (!authority.equalsIgnoreCase(base.getRawAuthority())) {
      return Optional.empty();
    }
    String path = target.getRawPath() == null ? "" : target.getRawPath();
    Matcher m = PERMALINK.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    String slug = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    return posts
        .findVisibleBySlug(slug, now)
        .filter(
            p -> {
              String permalink = PostPaths.permalink(p, settings.site().timeZone());
              return permalink.equals(path) || permalink.equals(path + "/");
            });
  }

  private static URI web(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      throw new Refused(400, name + " is required");
    }
    if (raw.length() > 2000) {
      throw new Refused(400, name + " is too long");
    }
    try {
      URI uri = new URI(raw.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new Refused(400, name + " must be an http(s) address");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new Refused(400, name + " is not an address");
    }
  }
}
