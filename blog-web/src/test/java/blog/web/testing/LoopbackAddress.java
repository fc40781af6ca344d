package blog.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loopback port chosen before the blog starts on it, so that its base URL is its real address:
 * for tests where other servers (a fediverse account, a site sending a Webmention) fetch from the
 * blog or send to it, and the blog names itself in what it signs and sends.
 */
public record LoopbackAddress(int port) {
  /** A port free on 127.0.0.1 now. */
  public static LoopbackAddress free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new LoopbackAddress(socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The blog's base URL on this port. */
  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The blog's settings for this address with each of {@code features} ({@code federation}, {@code
   * webmention}) turned on, and fetches from loopback servers allowed (the blog refuses them
   * otherwise), plus {@code more}.
   */
  public Map<String, String> withPeers(Map<String, String> more, String... features) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("port", Integer.toString(port));
    config.put("base-url", base());
    for (String feature : features) {
      config.put(feature + ".enabled", "true");
    }
    config.put("federation.allow-loopback", "true");
    config.putAll(more);
    return Map.copyOf(config);
  }

  /** {@link #withPeers(Map, String...)} with nothing more. */
  public Map<String, String> withPeers(String... features) {
    return withPeers(Map.of(), features);
  }
}
