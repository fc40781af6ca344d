package blog.core.webmention;

import blog.core.federation.Refused;
import blog.core.federation.RemoteFetch;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's Webmention endpoint as the Recommendation says (section 3.1.2): the page is
 * fetched (redirects followed, through the SSRF-guarded {@link RemoteFetch}); an HTTP {@code Link}
 * header with {@code rel="webmention"} wins, else the first {@code <link>} or {@code <a>} element
 * with that rel in document order; the address is resolved against the page's final address, and an
 * empty one means the page itself. None found: the page takes no Webmentions.
 */
final class EndpointDiscovery {
  static final int MAX_PAGE_BYTES = 1024 * 1024;
  private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
  private static final Pattern REL =
      Pattern.compile("(?i)(?:^|;)\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))");

  private final RemoteFetch fetch;

  EndpointDiscovery(RemoteFetch fetch) {
    this.fetch = fetch;
  }

  /**
   * The endpoint of {@code target}, or empty when it has none; {@link Refused} when the page cannot
   * be fetched (400 for a page that answers 4xx, which will not change by trying again).
   */
  Optional<URI> discover(URI target) {
    RemoteFetch.Answer page =
        fetch.getAnyStatus(target, Map.of("Accept", "text/html, */*;q=0.5"), MAX_PAGE_BYTES);
    int status = page.status();
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      throw new Refused(400, target.getHost() + " answered " + status + " for the target");
    }
    if (status < 200 || status >= 300) {
      throw new Refused(502, target.getHost() + " answered " + status + " for the target");
    }
    Optional<URI> fromHeader = fromLinkHeaders(page.uri(), page.header("Link"));
    if (fromHeader.isPresent()) {
      return fromHeader;
    }
    String type = page.contentType().toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.contains("html")) {
      return Optional.empty();
    }
    Document doc =
        Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), page.uri().toString());
    return fromHtml(page.uri(), doc);
  }

  /** The first {@code rel="webmention"} among {@code Link} header values. */
  static Optional<URI> fromLinkHeaders(URI base, List<String> values) {
    for (String value : values) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        if (rel.find()) {
          String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
          if (hasWebmention(rels)) {
            Optional<URI> endpoint = resolve(base, link.group(1));
            if (endpoint.isPresent()) {
              return endpoint;
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The first {@code <link>} or {@code <a>} with {@code rel="webmention"} and an href. */
  static Optional<URI> fromHtml(URI base, Document doc) {
    for (Element el : doc.select("link[rel][href], a[rel][href]")) {
      if (hasWebmention(el.attr("rel"))) {
        Optional<URI> endpoint = resolve(base, el.attr("href"));
        if (endpoint.isPresent()) {
          return endpoint;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasWebmention(String rels) {
    return Arrays.stream(rels.strip().split("\\s+"))
        .anyMatch(r -> r.equalsIgnoreCase("webmention"));
  }

  /** {@code href} against {@code base}; an empty one is the page itself (without fragment). */
  static Optional<URI> resolve(URI base, String href) {
    try {
      String address = base.toString();
      int hash = address.indexOf('#');
      URI page = new URI(hash < 0 ? address : address.substring(0, hash));
      String h = href.strip();
      if (h.isEmpty()) {
        return Optional.of(page);
      }
      if (page.getRawPath() == null || page.getRawPath().isEmpty()) {
        page = page.resolve("/");
      }
      URI resolved = page.resolve(new URI(h));
      String scheme = resolved.getScheme() == null ? "" : resolved.getScheme();
      return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")
          ? Optional.of(resolved)
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
