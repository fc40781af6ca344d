package blog.core.login;

import java.net.URI;

/**
 * One way to log in with a third-party account, by the OAuth 2.0 authorization-code flow with PKCE
 * (and, for OpenID Connect providers, a verified ID token). Implementations are thread-safe and
 * keep no per-login state: what a log-in needs between {@link #start} and {@link #complete} is in
 * the returned {@link AuthorizationRequest}, which the caller keeps server-side.
 */
public interface LoginProvider {
  /** Stable identifier such as {@code github}; stored with the commenter's identity. */
  String id();

  /** Name to show on the log-in button, e.g. {@code GitHub}. */
  String label();

  /**
   * Begins a log-in: fresh random state, PKCE verifier and (for OpenID Connect) nonce, and the
   * authorization URL to redirect the browser to.
   *
   * @param callbackUri the exact, absolute URI the provider sends the browser back to; it must be
   *     registered with the provider as is
   * @throws LoginFailure with {@link LoginFailure.Reason#PROVIDER_UNAVAILABLE} when an OpenID
   *     Connect provider's discovery document cannot be fetched
   */
  AuthorizationRequest start(URI callbackUri) throws LoginFailure;

  /**
   * Finishes a log-in: exchanges the code (with the PKCE verifier) for tokens, validates the ID
   * token where there is one, reads the profile with the access token and forgets the tokens. The
   * caller checks the callback's {@code state} first, with {@link
   * AuthorizationRequest#stateMatches(String)}.
   *
   * @param callbackUri the same URI that was given to {@link #start}
   * @param started what {@link #start} returned for this browser
   * @param code the {@code code} parameter of the callback
   */
  Profile complete(URI callbackUri, AuthorizationRequest started, String code) throws LoginFailure;
}
