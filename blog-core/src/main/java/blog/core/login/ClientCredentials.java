package blog.core.login;

import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;

/**
 * The blog's registration at a provider.
 *
 * @param clientSecret null for a public client, which proves itself with PKCE alone
 */
record ClientCredentials(String clientId, String clientSecret) {

  ClientCredentials {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId is required");
    }
    if (clientSecret != null && clientSecret.isBlank()) {
      clientSecret = null;
    }
  }

  ClientID id() {
    return new ClientID(clientId);
  }

  /** How to authenticate at the token endpoint; null for a public client. */
  ClientAuthentication authentication(ClientAuthenticationMethod method) {
    if (clientSecret == null) {
      return null;
    }
    if (ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
      return new ClientSecretPost(id(), new Secret(clientSecret));
    }
    if (ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)) {
      return new ClientSecretBasic(id(), new Secret(clientSecret));
    }
    throw new IllegalArgumentException("unsupported client authentication " + method);
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "none" : "***")
        + "]";
  }
}
