package blog.web.security;

import io.javalin.http.Context;
import java.util.Set;

/**
 * The client's IP address, from the socket. {@code X-Forwarded-For} counts only when the socket
 * peer is one of the configured trusted proxies ({@code trusted-proxies}); then the nearest address
 * in that header that is not itself a trusted proxy is the client.
 */
public final class ClientAddress {
  private final Set<String> trustedProxies;

  public ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /** Whether the request came straight from one of the trusted proxies. */
  public boolean fromTrustedProxy(Context ctx) {
    return isTrustedProxy(ctx.req().getRemoteAddr());
  }

  /** Whether the socket peer {@code peer} is one of the trusted proxies. */
  public boolean isTrustedProxy(String peer) {
    return trustedProxies.contains(peer);
  }

  public String of(Context ctx) {
    return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
  }

  /** The client of a request from socket peer {@code peer} carrying {@code forwarded}. */
  public String of(String peer, String forwarded) {
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return peer;
  }
}
