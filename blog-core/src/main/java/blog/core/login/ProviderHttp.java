package blog.core.login;

import blog.core.login.LoginFailure.Reason;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * How the blog talks to login providers: every request with connect and read timeouts, no redirects
 * followed (an endpoint that moves is a configuration error, and a redirected token request could
 * carry the code elsewhere), and a failure to get an answer as {@link Reason#PROVIDER_UNAVAILABLE}.
 */
final class ProviderHttp {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_JWKS_BYTES = 256 * 1024;
  private static final String USER_AGENT = "blog-login/1";

  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;

  ProviderHttp(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
  }

  static ProviderHttp withDefaultTimeouts() {
    return new ProviderHttp(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
  }

  /** Applies timeouts and the no-redirect rule; also used for discovery requests. */
  void configure(HTTPRequest request) {
    request.setConnectTimeout(connectTimeoutMillis);
    request.setReadTimeout(readTimeoutMillis);
    request.setFollowRedirects(false);
    request.setHeader("User-Agent", USER_AGENT);
  }

  /**
   * Sends {@code request}; an I/O error, a 5xx or a 429 becomes {@link
   * Reason#PROVIDER_UNAVAILABLE}, any other answer is returned for the caller to judge.
   *
   * @param what names the endpoint in the failure message, e.g. "token endpoint"
   */
  HTTPResponse send(String provider, String what, HTTPRequest request) throws LoginFailure {
    configure(request);
    HTTPResponse response;
    try {
      response = request.send();
    } catch (IOException e) {
      // The exception names the host and the problem, never the request body or headers.
      throw new LoginFailure(
          provider,
          Reason.PROVIDER_UNAVAILABLE,
          what + " " + endpoint(request) + " unreachable: " + e,
          e);
    }
    int status = response.getStatusCode();
    if (status >= 500 || status == 429) {
      throw new LoginFailure(
          provider,
          Reason.PROVIDER_UNAVAILABLE,
          what + " " + endpoint(request) + " answered HTTP " + status);
    }
    return response;
  }

  /** For fetching a provider's JSON Web Key Set, with the same timeouts. */
  ResourceRetriever resourceRetriever() {
    return new DefaultResourceRetriever(connectTimeoutMillis, readTimeoutMillis, MAX_JWKS_BYTES);
  }

  /** Scheme, host and path only: query strings can carry more than an operator log should. */
  static String endpoint(HTTPRequest request) {
    return request.getURI().getScheme()
        + "://"
        + request.getURI().getRawAuthority()
        + request.getURI().getRawPath();
  }
}
