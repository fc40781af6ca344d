package blog.core.login;

import blog.core.login.LoginFailure.Reason;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import net.minidev.json.JSONObject;

/**
 * Trades an authorization code and its PKCE verifier for tokens. Parse errors are reported without
 * the parser's message or cause, which could quote the response body and so a token.
 */
final class TokenEndpoint {
  private static final int MAX_DESCRIPTION = 200;

  private final String provider;
  private final URI endpoint;
  private final ClientCredentials client;
  private final ClientAuthenticationMethod authMethod;
  private final ProviderHttp http;

  TokenEndpoint(
      String provider,
      URI endpoint,
      ClientCredentials client,
      ClientAuthenticationMethod authMethod,
      ProviderHttp http) {
    this.provider = provider;
    this.endpoint = endpoint;
    this.client = client;
    this.authMethod = authMethod;
    this.http = http;
  }

  /** Plain OAuth 2.0: the access token response. */
  AccessTokenResponse exchange(URI callbackUri, String code, String codeVerifier)
      throws LoginFailure {
    JSONObject json = send(callbackUri, code, codeVerifier);
    try {
      return AccessTokenResponse.parse(json);
    } catch (ParseException e) {
      throw unreadable();
    }
  }

  /** OpenID Connect: the token response, which must carry an ID token. */
  OIDCTokenResponse exchangeForIdToken(URI callbackUri, String code, String codeVerifier)
      throws LoginFailure {
    JSONObject json = send(callbackUri, code, codeVerifier);
    if (!json.containsKey("id_token")) {
      throw new LoginFailure(
          provider, Reason.ID_TOKEN_INVALID, "token response " + endpoint + " has no id_token");
    }
    try {
      return OIDCTokenResponse.parse(json);
    } catch (ParseException e) {
      throw new LoginFailure(
          provider,
          Reason.ID_TOKEN_INVALID,
          "token response from " + endpoint + " holds no usable ID token");
    }
  }

  private JSONObject send(URI callbackUri, String code, String codeVerifier) throws LoginFailure {
    if (code == null || code.isBlank()) {
      throw new LoginFailure(provider, Reason.CODE_REJECTED, "the callback carried no code");
    }
    AuthorizationCodeGrant grant =
        new AuthorizationCodeGrant(
            new AuthorizationCode(code), callbackUri, new CodeVerifier(codeVerifier));
    ClientAuthentication authentication = client.authentication(authMethod);
    TokenRequest request =
        authentication == null
            ? new TokenRequest.Builder(endpoint, client.id(), grant).build()
            : new TokenRequest.Builder(endpoint, authentication, grant).build();
    HTTPRequest httpRequest = request.toHTTPRequest();
    // GitHub answers in form encoding unless asked for JSON.
    httpRequest.setAccept("application/json");
    HTTPResponse response = http.send(provider, "token endpoint", httpRequest);

    JSONObject json;
    try {
      json = response.getBodyAsJSONObject();
    } catch (ParseException e) {
      if (response.indicatesSuccess()) {
        throw unreadable();
      }
      throw rejected(new ErrorObject(null, null, response.getStatusCode()));
    }
    // Some providers (GitHub) report a refused code with 200 and an "error" member.
    if (!response.indicatesSuccess() || json.containsKey("error")) {
      ErrorObject error;
      try {
        error = TokenErrorResponse.parse(json).getErrorObject();
      } catch (ParseException e) {
        error = new ErrorObject(null, null, response.getStatusCode());
      }
      throw rejected(error.setHTTPStatusCode(response.getStatusCode()));
    }
    return json;
  }

  private LoginFailure rejected(ErrorObject error) {
    String detail =
        "token endpoint " + endpoint + " refused the code: HTTP " + error.getHTTPStatusCode();
    if (error.getCode() != null) {
      detail += " " + error.getCode();
    }
    if (error.getDescription() != null) {
      String description = error.getDescription();
      // The provider's words go into our log; keep them to a line.
      detail +=
          " ("
              + (description.length() > MAX_DESCRIPTION
                  ? description.substring(0, MAX_DESCRIPTION) + "…"
                  : description)
              + ")";
    }
    if ("invalid_client".equals(error.getCode())) {
      detail += "; check the client id and secret";
    }
    return new LoginFailure(provider, Reason.CODE_REJECTED, detail);
  }

  private LoginFailure unreadable() {
    return new LoginFailure(
        provider,
        Reason.PROVIDER_UNAVAILABLE,
        "token endpoint " + endpoint + " answered without a usable bearer access token");
  }
}
