package blog.core.federation;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every request the blog makes to another server (fetching accounts, keys, avatars; delivering
 * activities) goes through here, and is refused when it would reach this machine or a private
 * network: loopback (unless {@code allowLoopback}, for tests), private, link-local, unique-local,
 * multicast and wildcard addresses, checked for every address the name resolves to and again at
 * every redirect. At most {@link #MAX_REDIRECTS} redirects are followed, every step times out, and
 * a body larger than asked for is refused.
 *
 * <p>The JDK's client resolves the name again when it connects, so a name whose DNS answer changes
 * between the check and the connection (DNS rebinding) is not caught here; see docs/federation.md.
 */
public final class RemoteFetch {
  public static final int MAX_REDIRECTS = 3;
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final String USER_AGENT = "blog-federation/1.0 (+ActivityPub)";

  private final HttpClient client;
  private final boolean allowLoopback;
  private final Duration requestTimeout;

  public RemoteFetch(boolean allowLoopback) {
    this(allowLoopback, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
  }

  /** With other time limits, for tests that should not wait 10 s for a silent server. */
  RemoteFetch(boolean allowLoopback, Duration connectTimeout, Duration requestTimeout) {
    this.allowLoopback = allowLoopback;
    this.requestTimeout = requestTimeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** An answer: its final address, status, content type, body and headers. */
  public record Answer(
      URI uri, int status, String contentType, byte[] body, Map<String, List<String>> headers) {
    public Answer(URI uri, int status, String contentType, byte[] body) {
      this(uri, status, contentType, body, Map.of());
    }

    /** Every value of the header {@code name} (any case), in order. */
    public List<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }
  }

  /**
   * GETs {@code uri}, following redirects, with the extra {@code headers}; {@link Refused} when the
   * address is not allowed, the answer is not 2xx, or the body exceeds {@code maxBytes}.
   */
  public Answer get(URI uri, Map<String, String> headers, int maxBytes) {
    return get(uri, headers, maxBytes, true);
  }

  /**
   * {@link #get} that returns the final answer whatever its status (a 404 or 410 says something
   * too); refused still for a forbidden address, too many redirects or too large a body.
   */
  public Answer getAnyStatus(URI uri, Map<String, String> headers, int maxBytes) {
    return get(uri, headers, maxBytes, false);
  }

  private Answer get(URI uri, Map<String, String> headers, int maxBytes, boolean requireOk) {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      checkAddress(current);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current)
              .GET()
              .timeout(requestTimeout)
              .header("User-Agent", USER_AGENT);
      headers.forEach(request::header);
      HttpResponse<InputStream> response = send(request.build());
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        Optional<String> location = response.headers().firstValue("Location");
        close(response);
        if (location.isEmpty()) {
          throw new Refused(502, "redirect without a Location from " + current.getHost());
        }
        current = current.resolve(location.get());
        continue;
      }
      return answer(current, response, maxBytes, requireOk);
    }
    throw new Refused(502, "more than " + MAX_REDIRECTS + " redirects from " + uri.getHost());
  }

  /**
   * POSTs {@code body} and returns the answer whatever its status; redirects are not followed (an
   * inbox that moves is an error).
   */
  public Answer post(URI uri, Map<String, String> headers, byte[] body, int maxBytes) {
    checkAddress(uri);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .timeout(requestTimeout)
            .header("User-Agent", USER_AGENT);
    // The JDK's client sets Host itself (and refuses to be told).
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("host")) {
            request.header(name, value);
          }
        });
    return answer(uri, send(request.build()), maxBytes, false);
  }

  /** {@link Refused} (400) unless {@code uri} is http(s) and every address of its host public. */
  public void checkAddress(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw Refused.malformed("not an http(s) address: " + uri);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw Refused.malformed("no host in " + uri);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new Refused(502, "unknown host " + host);
    }
    for (InetAddress address : addresses) {
      if (!allowed(address)) {
        throw new Refused(403, "refusing to connect to a private address: " + host);
      }
    }
  }

  boolean allowed(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return allowLoopback;
    }
    if (address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] raw = address.getAddress();
    if (address instanceof Inet6Address) {
      // fc00::/7, unique local addresses (IPv6's private networks)
      return (raw[0] & 0xfe) != 0xfc;
    }
    int first = raw[0] & 0xff;
    int second = raw[1] & 0xff;
    // 0.0.0.0/8, 100.64.0.0/10 (carrier-grade NAT), 192.0.0.0/24, 198.18.0.0/15, 240.0.0.0/4
    return first != 0
        && !(first == 100 && second >= 64 && second < 128)
        && !(first == 192 && second == 0 && (raw[2] & 0xff) == 0)
        && !(first == 198 && (second == 18 || second == 19))
        && first < 240;
  }

  private HttpResponse<InputStream> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new Refused(502, "cannot reach " + request.uri().getHost() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused(502, "interrupted");
    }
  }

  private static Answer answer(
      URI uri, HttpResponse<InputStream> response, int maxBytes, boolean requireOk) {
    int status = response.statusCode();
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new Refused(502, "cannot read the answer of " + uri.getHost());
    }
    if (body.length > maxBytes) {
      throw new Refused(502, "the answer of " + uri.getHost() + " is larger than " + maxBytes);
    }
    if (requireOk && (status < 200 || status >= 300)) {
      throw new Refused(502, uri.getHost() + " answered " + status);
    }
    return new Answer(
        uri,
        status,
        response.headers().firstValue("Content-Type").orElse(""),
        body,
        response.headers().map());
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // nothing was read from it
    }
  }
}
