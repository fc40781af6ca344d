package blog.core.webmention;

import blog.core.db.Transactions;
import blog.core.federation.DeliveryRepository;
import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Sends mentions for the links in posts: when a post becomes visible, each page it links to (on
 * other sites) is queued a Webmention; when it is edited, its links are told again, and so are the
 * links the edit removed, once; when it is trashed or unpublished, every link it had is told (its
 * address then answers 404, and the other site can take the mention back). It compares the posts
 * with what was sent ({@code webmention_posts}) in one transaction holding a cluster lock, as the
 * fediverse's {@code PostFederation} does, so of several instances each change is queued once.
 * Posts published before Webmention was first on are not announced.
 */
public final class PostMentions {
  static final String SINCE = "webmention.posts.since";
  static final String LOCK = "webmention-posts";
  static final int MAX_LINKS = 100;
  private static final int BATCH = 50;

  private final Transactions transactions;
  private final SettingsRepository settings;
  private final PostRepository posts;
  private final SentLinkRepository sent;
  private final DeliveryRepository queue;
  private final String baseUrl;
  private final Clock clock;

  public PostMentions(
      Transactions transactions,
      SettingsRepository settings,
      PostRepository posts,
      SentLinkRepository sent,
      DeliveryRepository queue,
      String baseUrl,
      Clock clock) {
    this.transactions = transactions;
    this.settings = settings;
    this.posts = posts;
    this.sent = sent;
    this.queue = queue;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /** Queues what changed since the last run; returns how many mentions it queued. */
  public int sync() {
    Instant now = clock.instant();
    Instant since = since(now);
    return transactions.inTransactionHolding(
        LOCK,
        () -> {
          int queued = 0;
          ZoneId zone = settings.site().timeZone();
          for (long id : sent.unsent(since, now, BATCH)) {
            Post post = posts.findById(id).orElseThrow();
            String source = source(post, zone);
            List<String> links = links(post.bodyHtml(), source, baseUrl);
            queued += send(source, links, now);
            sent.record(id, source, post.version(), false, links, now);
          }
          for (SentLinkRepository.Changed changed : sent.changed(now, BATCH)) {
            Set<String> targets = new LinkedHashSet<>();
            List<String> links = List.of();
            String source = changed.source();
            int version = 0;
            if (!changed.gone()) {
              Post post = posts.findById(changed.postId()).orElseThrow();
              source = source(post, zone);
              links = links(post.bodyHtml(), source, baseUrl);
              version = post.version();
              targets.addAll(links);
            }
            targets.addAll(sent.links(changed.postId()));
            queued += send(source, List.copyOf(targets), now);
            sent.record(changed.postId(), source, version, changed.gone(), links, now);
          }
          return queued;
        });
  }

  private int send(String source, List<String> targets, Instant now) {
    for (String target : targets) {
      queue.enqueue(target, source, now, now);
    }
    return targets.size();
  }

  private String source(Post post, ZoneId zone) {
    return baseUrl + PostPaths.permalink(post, zone);
  }

  /**
   * The pages a post's HTML links to, made absolute against its address: http(s) only, without
   * fragments, none on this blog's own host, each once, at most {@link #MAX_LINKS}.
   */
  static List<String> links(String html, String source, String baseUrl) {
    String ownHost = authority(baseUrl);
    Set<String> found = new LinkedHashSet<>();
    for (Element a : Jsoup.parseBodyFragment(html == null ? "" : html, source).select("a[href]")) {
      String href = a.absUrl("href");
      int hash = href.indexOf('#');
      if (hash >= 0) {
        href = href.substring(0, hash);
      }
      String lower = href.toLowerCase(Locale.ROOT);
      if ((lower.startsWith("http://") || lower.startsWith("https://"))
          && !ownHost.equals(authority(href))
          && href.length() <= 2000) {
        found.add(href);
      }
      if (found.size() == MAX_LINKS) {
        break;
      }
    }
    return new ArrayList<>(found);
  }

  private static String authority(String address) {
    try {
      String authority = URI.create(address).getAuthority();
      return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** When Webmention was first on: posts published before are not announced. */
  private Instant since(Instant now) {
    String stored = settings.putIfAbsent(SINCE, now.toString());
    try {
      return Instant.parse(stored);
    } catch (DateTimeParseException e) {
      settings.compareAndSet(SINCE, stored, now.toString());
      return now;
    }
  }
}
