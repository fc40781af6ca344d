package blog.core.login;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * A started log-in: where to send the browser, and what the server must keep (never in the browser)
 * until the provider sends it back to the callback.
 *
 * @param redirectTo the provider's authorization URL, carrying state, PKCE challenge and, for
 *     OpenID Connect, the nonce
 * @param state compare with the callback's {@code state} using {@link #stateMatches(String)}
 * @param nonce the OpenID Connect nonce the ID token must carry; null for plain OAuth 2.0
 * @param codeVerifier the PKCE secret whose S256 hash went out as the code challenge
 */
public record AuthorizationRequest(
    URI redirectTo, String state, String nonce, String codeVerifier) {

  public AuthorizationRequest {
    if (redirectTo == null || state == null || state.isBlank()) {
      throw new IllegalArgumentException("redirectTo and state are required");
    }
    if (codeVerifier == null || codeVerifier.isBlank()) {
      throw new IllegalArgumentException("codeVerifier is required");
    }
    if (nonce != null && nonce.isBlank()) {
      throw new IllegalArgumentException("nonce must be null or non-blank");
    }
  }

  /** Whether the {@code state} the callback received is this one, compared in constant time. */
  public boolean stateMatches(String returnedState) {
    return returnedState != null
        && MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8), returnedState.getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code redirect_uri} this request sent; the token request must repeat it exactly. */
  URI callbackUri() {
    List<String> values =
        URLUtils.parseParameters(redirectTo.getRawQuery()).getOrDefault("redirect_uri", List.of());
    if (values.size() != 1) {
      throw new IllegalArgumentException("redirectTo carries no single redirect_uri");
    }
    return URI.create(values.get(0));
  }

  /** Without state, nonce or verifier, so a started log-in can be logged. */
  @Override
  public String toString() {
    return "AuthorizationRequest[redirectTo="
        + redirectTo.getScheme()
        + "://"
        + redirectTo.getRawAuthority()
        + redirectTo.getRawPath()
        + ", state=***, nonce="
        + (nonce == null ? "none" : "***")
        + ", codeVerifier=***]";
  }
}
