package blog.core.login;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;

/**
 * What the blog knows about a plain OAuth 2.0 provider before it is configured: its endpoints, the
 * scope that reads the user, how it wants the client secret, and how its user JSON reads.
 *
 * @param scope null or empty to ask for no scope
 * @param secretRequired false where the provider lets a public client log in with PKCE alone
 */
record OAuth2Definition(
    String id,
    String label,
    Endpoints endpoints,
    Scope scope,
    ClientAuthenticationMethod authMethod,
    ProfileReader profileReader,
    boolean secretRequired) {}
