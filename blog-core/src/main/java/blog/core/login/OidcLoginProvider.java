package blog.core.login;

import blog.core.login.LoginFailure.Reason;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenID Connect provider, found by its issuer. Who logged in is the subject of an ID token
 * whose signature (from the provider's published keys), issuer, audience, expiry and nonce Nimbus
 * has checked; the user-info endpoint, when there is one, fills in the rest of the profile.
 */
final class OidcLoginProvider implements LoginProvider {
  static final Scope SCOPE = new Scope("openid", "profile", "email");

  private final String id;
  private final String label;
  private final Issuer issuer;
  private final ClientCredentials client;
  private final OidcDiscovery discovery;
  private final ProviderHttp http;

  OidcLoginProvider(
      String id,
      String label,
      URI issuer,
      ClientCredentials client,
      Endpoints overrides,
      ProviderHttp http) {
    this.id = id;
    this.label = label;
    this.issuer = new Issuer(issuer);
    this.client = client;
    this.http = http;
    this.discovery = new OidcDiscovery(id, this.issuer, client, overrides, http);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String label() {
    return label;
  }

  URI issuer() {
    return URI.create(issuer.getValue());
  }

  @Override
  public AuthorizationRequest start(URI callbackUri) throws LoginFailure {
    CallbackUris.requireValid(callbackUri);
    OidcDiscovery.Resolved op = discovery.resolved();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI redirectTo =
        new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, client.id(), callbackUri)
            .endpointURI(op.endpoints().authorization())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new AuthorizationRequest(
        redirectTo, state.getValue(), nonce.getValue(), verifier.getValue());
  }

  @Override
  public Profile complete(URI callbackUri, AuthorizationRequest started, String code)
      throws LoginFailure {
    CallbackUris.requireSame(callbackUri, started);
    if (started.nonce() == null) {
      throw new IllegalArgumentException("this log-in was not started by an OpenID provider");
    }
    OidcDiscovery.Resolved op = discovery.resolved();
    OIDCTokenResponse tokens =
        op.tokenEndpoint().exchangeForIdToken(callbackUri, code, started.codeVerifier());
    IDTokenClaimsSet idToken = validate(op, tokens, new Nonce(started.nonce()));

    Map<String, Object> claims = new HashMap<>(idToken.toJSONObject());
    if (op.endpoints().userInfo() != null) {
      UserInfo userInfo =
          fetchUserInfo(op.endpoints().userInfo(), tokens.getOIDCTokens().getAccessToken());
      if (userInfo != null) {
        if (!idToken.getSubject().equals(userInfo.getSubject())) {
          // OpenID Connect Core 5.3.2: a different subject means the answer is not about this user.
          throw new LoginFailure(
              id,
              Reason.PROFILE_UNAVAILABLE,
              "user info is about another subject than the ID token");
        }
        claims.putAll(userInfo.toJSONObject());
      }
    }
    return ProfileReaders.openIdConnect(id, claims);
  }

  private IDTokenClaimsSet validate(
      OidcDiscovery.Resolved op, OIDCTokenResponse tokens, Nonce nonce) throws LoginFailure {
    try {
      return op.validator().validate(tokens.getOIDCTokens().getIDToken(), nonce);
    } catch (BadJOSEException e) {
      // Nimbus says which check failed (signature, iss, aud, exp, nonce) and never quotes the
      // token.
      throw new LoginFailure(id, Reason.ID_TOKEN_INVALID, "ID token rejected: " + e.getMessage());
    } catch (KeySourceException e) {
      throw new LoginFailure(
          id, Reason.PROVIDER_UNAVAILABLE, "signing keys unavailable: " + e.getMessage(), e);
    } catch (JOSEException e) {
      throw new LoginFailure(
          id, Reason.ID_TOKEN_INVALID, "ID token not verifiable: " + e.getMessage());
    }
  }

  /** The user-info claims; null when the provider answers with a signed JWT, which is not used. */
  private UserInfo fetchUserInfo(URI endpoint, AccessToken accessToken) throws LoginFailure {
    HTTPResponse response =
        http.send(
            id, "user-info endpoint", new UserInfoRequest(endpoint, accessToken).toHTTPRequest());
    UserInfoResponse parsed;
    try {
      parsed = UserInfoResponse.parse(response);
    } catch (ParseException e) {
      throw new LoginFailure(
          id,
          Reason.PROFILE_UNAVAILABLE,
          "user-info endpoint " + endpoint + " answered unreadably");
    }
    if (!parsed.indicatesSuccess()) {
      throw new LoginFailure(
          id,
          Reason.PROFILE_UNAVAILABLE,
          "user-info endpoint "
              + endpoint
              + " answered HTTP "
              + response.getStatusCode()
              + " "
              + Objects.toString(parsed.toErrorResponse().getErrorObject().getCode(), ""));
    }
    return parsed.toSuccessResponse().getUserInfo();
  }

  @Override
  public String toString() {
    return "OidcLoginProvider[" + id + ", issuer=" + issuer + ", " + client + "]";
  }
}
