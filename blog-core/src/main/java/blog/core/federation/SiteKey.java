package blog.core.federation;

import java.security.PrivateKey;

/**
 * The blog's key pair: the public half as published in the actor document, the private half for
 * signing outgoing requests. Its {@code toString} leaves the private key out.
 */
public record SiteKey(String publicPem, PrivateKey privateKey) {
  @Override
  public String toString() {
    return "SiteKey[public only]";
  }
}
