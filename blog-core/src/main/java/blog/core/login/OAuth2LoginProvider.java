package blog.core.login;

import blog.core.login.LoginFailure.Reason;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.net.URI;
import java.util.Map;

/**
 * A plain OAuth 2.0 provider (GitHub, Facebook, WordPress.com, X): no ID token, so who logged in is
 * whatever the provider's user endpoint answers to the freshly issued access token, which is then
 * dropped.
 */
final class OAuth2LoginProvider implements LoginProvider {
  private final OAuth2Definition definition;
  private final Endpoints endpoints;
  private final ClientCredentials client;
  private final TokenEndpoint tokenEndpoint;
  private final ProviderHttp http;

  OAuth2LoginProvider(
      OAuth2Definition definition,
      Endpoints overrides,
      ClientCredentials client,
      ProviderHttp http) {
    this.definition = definition;
    this.endpoints = definition.endpoints().overriddenBy(overrides);
    this.client = client;
    this.http = http;
    ClientAuthenticationMethod method = definition.authMethod();
    this.tokenEndpoint =
        new TokenEndpoint(definition.id(), endpoints.token(), client, method, http);
  }

  @Override
  public String id() {
    return definition.id();
  }

  @Override
  public String label() {
    return definition.label();
  }

  Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public AuthorizationRequest start(URI callbackUri) {
    CallbackUris.requireValid(callbackUri);
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder request =
        new com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), client.id())
            .endpointURI(endpoints.authorization())
            .redirectionURI(callbackUri)
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    Scope scope = definition.scope();
    if (scope != null && !scope.isEmpty()) {
      request.scope(scope);
    }
    return new AuthorizationRequest(
        request.build().toURI(), state.getValue(), null, verifier.getValue());
  }

  @Override
  public Profile complete(URI callbackUri, AuthorizationRequest started, String code)
      throws LoginFailure {
    CallbackUris.requireSame(callbackUri, started);
    AccessTokenResponse tokens = tokenEndpoint.exchange(callbackUri, code, started.codeVerifier());
    Map<String, Object> user = fetchUser(tokens.getTokens().getAccessToken());
    return definition.profileReader().read(id(), user);
  }

  private Map<String, Object> fetchUser(AccessToken accessToken) throws LoginFailure {
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, endpoints.userInfo());
    request.setAuthorization(accessToken.toAuthorizationHeader());
    request.setAccept("application/json");
    HTTPResponse response = http.send(id(), "user endpoint", request);
    if (!response.indicatesSuccess()) {
      throw new LoginFailure(
          id(),
          Reason.PROFILE_UNAVAILABLE,
          "user endpoint " + endpoints.userInfo() + " answered HTTP " + response.getStatusCode());
    }
    try {
      return response.getBodyAsJSONObject();
    } catch (ParseException e) {
      throw new LoginFailure(
          id(),
          Reason.PROFILE_UNAVAILABLE,
          "user endpoint " + endpoints.userInfo() + " answered without a JSON object");
    }
  }

  @Override
  public String toString() {
    return "OAuth2LoginProvider[" + id() + ", " + client + "]";
  }
}
