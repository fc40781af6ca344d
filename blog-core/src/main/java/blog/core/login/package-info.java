/**
 * How people log in: third-party providers (WordPress.com, Google, X, Facebook, GitHub and any
 * OpenID Connect provider) with the authorization-code flow and PKCE, one-time links mailed for
 * "Log in with email", what is kept during the trip (the sign-in request and the typed comment),
 * staff log-in with a password or a passkey (WebAuthn, verified by webauthn4j) and its throttles,
 * the first admin's setup link, and the server-side sessions that follow a log-in.
 */
package blog.core.login;
