package blog.core.login;

import blog.core.login.LoginFailure.Reason;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An OpenID Connect provider's metadata, fetched from {@code /.well-known/openid-configuration} on
 * first use and kept; a failed fetch is not kept, so the next log-in tries again.
 */
final class OidcDiscovery {
  /** What a log-in needs from the metadata, ready to use. */
  record Resolved(Endpoints endpoints, TokenEndpoint tokenEndpoint, IDTokenValidator validator) {}

  static final int MAX_CLOCK_SKEW_SECONDS = 60;
  private static final Set<JWSAlgorithm.Family> ASYMMETRIC =
      Set.of(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC);

  private final String provider;
  private final Issuer issuer;
  private final ClientCredentials client;
  private final Endpoints overrides;
  private final ProviderHttp http;
  private final Object lock = new Object();
  private volatile Resolved resolved;

  OidcDiscovery(
      String provider,
      Issuer issuer,
      ClientCredentials client,
      Endpoints overrides,
      ProviderHttp http) {
    this.provider = provider;
    this.issuer = issuer;
    this.client = client;
    this.overrides = overrides;
    this.http = http;
  }

  Resolved resolved() throws LoginFailure {
    Resolved current = resolved;
    if (current != null) {
      return current;
    }
    synchronized (lock) {
      if (resolved == null) {
        resolved = resolve();
      }
      return resolved;
    }
  }

  private Resolved resolve() throws LoginFailure {
    OIDCProviderMetadata metadata;
    try {
      // Nimbus checks that the document names the issuer we asked for.
      metadata = OIDCProviderMetadata.resolve(issuer, http::configure);
    } catch (IOException | GeneralException e) {
      throw unavailable("discovery for issuer " + issuer + " failed: " + e, e);
    }
    Endpoints endpoints =
        new Endpoints(
                metadata.getAuthorizationEndpointURI(),
                metadata.getTokenEndpointURI(),
                metadata.getUserInfoEndpointURI())
            .overriddenBy(overrides);
    require(endpoints.authorization(), "authorization endpoint");
    require(endpoints.token(), "token endpoint");
    require(metadata.getJWKSetURI(), "JWK set");
    if (endpoints.userInfo() != null && !ProviderUris.acceptable(endpoints.userInfo())) {
      throw unavailable("discovery for " + issuer + " gave an insecure user-info endpoint", null);
    }
    TokenEndpoint tokenEndpoint =
        new TokenEndpoint(
            provider,
            endpoints.token(),
            client,
            authMethod(metadata.getTokenEndpointAuthMethods()),
            http);
    return new Resolved(endpoints, tokenEndpoint, validator(metadata));
  }

  private IDTokenValidator validator(OIDCProviderMetadata metadata) throws LoginFailure {
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(
                  metadata.getJWKSetURI().toURL(), http.resourceRetriever())
              .build();
    } catch (MalformedURLException e) {
      throw unavailable("discovery for " + issuer + " gave an unusable JWK set URI", e);
    }
    IDTokenValidator validator =
        new IDTokenValidator(
            issuer,
            client.id(),
            new JWSVerificationKeySelector<>(signingAlgorithms(metadata.getIDTokenJWSAlgs()), keys),
            null);
    validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    return validator;
  }

  /**
   * The public-key algorithms the provider signs ID tokens with; never "none" or HMAC (which would
   * make the client secret a signing key). RS256 when the provider lists none usable.
   */
  private static Set<JWSAlgorithm> signingAlgorithms(List<JWSAlgorithm> advertised) {
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    if (advertised != null) {
      for (JWSAlgorithm alg : advertised) {
        if (ASYMMETRIC.stream().anyMatch(family -> family.contains(alg))) {
          algorithms.add(alg);
        }
      }
    }
    return algorithms.isEmpty() ? Set.of(JWSAlgorithm.RS256) : algorithms;
  }

  /** client_secret_basic unless the provider supports only client_secret_post. */
  private ClientAuthenticationMethod authMethod(List<ClientAuthenticationMethod> supported)
      throws LoginFailure {
    if (supported == null
        || supported.isEmpty()
        || supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        || client.clientSecret() == null) {
      return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
    }
    if (supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
      return ClientAuthenticationMethod.CLIENT_SECRET_POST;
    }
    throw unavailable(
        issuer + " supports neither client_secret_basic nor client_secret_post: " + supported,
        null);
  }

  private void require(URI uri, String what) throws LoginFailure {
    if (uri == null) {
      throw unavailable("discovery for " + issuer + " gave no " + what, null);
    }
    if (!ProviderUris.acceptable(uri)) {
      throw unavailable("discovery for " + issuer + " gave an insecure " + what + ": " + uri, null);
    }
  }

  private LoginFailure unavailable(String detail, Throwable cause) {
    return new LoginFailure(provider, Reason.PROVIDER_UNAVAILABLE, detail, cause);
  }
}
