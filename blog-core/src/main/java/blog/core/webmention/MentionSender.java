package blog.core.webmention;

import blog.core.federation.Delivery;
import blog.core.federation.DeliveryWorker;
import blog.core.federation.Refused;
import blog.core.federation.RemoteFetch;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one queued mention (Recommendation, section 3.1): the target's endpoint is discovered, then
 * {@code source} and {@code target} are POSTed to it form-encoded, through the SSRF-guarded {@link
 * RemoteFetch}. A target without an endpoint takes no mentions: that counts as done (200).
 */
final class MentionSender implements DeliveryWorker.Transport {
  static final int NO_ENDPOINT = 200;
  private static final int MAX_ANSWER_BYTES = 64 * 1024;
  private static final Logger log = LoggerFactory.getLogger(MentionSender.class);

  private final EndpointDiscovery discovery;
  private final RemoteFetch fetch;

  MentionSender(EndpointDiscovery discovery, RemoteFetch fetch) {
    this.discovery = discovery;
    this.fetch = fetch;
  }

  /** A delivery's address column is the target, its payload the source (one of our posts). */
  @Override
  public int send(Delivery delivery) {
    URI target;
    try {
      target = new URI(delivery.inbox());
    } catch (java.net.URISyntaxException e) {
      throw new Refused(400, "not an address: " + delivery.inbox());
    }
    Optional<URI> endpoint = discovery.discover(target);
    if (endpoint.isEmpty()) {
      log.info("{} takes no Webmentions", target.getHost());
      return NO_ENDPOINT;
    }
    String form =
        "source="
            + URLEncoder.encode(delivery.activity(), StandardCharsets.UTF_8)
            + "&target="
            + URLEncoder.encode(delivery.inbox(), StandardCharsets.UTF_8);
    return fetch
        .post(
            endpoint.get(),
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "*/*"),
            form.getBytes(StandardCharsets.UTF_8),
            MAX_ANSWER_BYTES)
        .status();
  }
}
