package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a browser does between start and callback, without a browser: requests the authorization
 * URL, does not follow the redirect, and reads code and state from the Location header.
 */
record ProviderRedirect(URI location, String code, String state) {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static ProviderRedirect follow(URI authorizationUrl) {
    HttpResponse<String> response;
    try {
      response =
          CLIENT.send(
              HttpRequest.newBuilder(authorizationUrl).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertEquals(302, response.statusCode(), response.body());
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    Map<String, List<String>> params = URLUtils.parseParameters(location.getRawQuery());
    return new ProviderRedirect(location, single(params, "code"), single(params, "state"));
  }

  /**
   * The mock server only takes OpenID Connect requests, so a plain OAuth 2.0 request (GitHub's)
   * gets {@code openid} added to its scope on the way, as a provider would ignore a scope it does
   * not know. Nothing else in the request changes.
   */
  static ProviderRedirect followAsOpenIdRequest(URI authorizationUrl) {
    Map<String, List<String>> params = URLUtils.parseParameters(authorizationUrl.getRawQuery());
    String scope = params.containsKey("scope") ? params.get("scope").get(0) + " openid" : "openid";
    params = new java.util.LinkedHashMap<>(params);
    params.put("scope", List.of(scope));
    String base =
        authorizationUrl.toString().substring(0, authorizationUrl.toString().indexOf('?'));
    return follow(URI.create(base + "?" + URLUtils.serializeParameters(params)));
  }

  static Map<String, List<String>> query(URI uri) {
    return URLUtils.parseParameters(uri.getRawQuery());
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }

  /** The callback URI the provider sent the browser to, without its query. */
  URI callback() {
    return URI.create(
        location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath());
  }
}
