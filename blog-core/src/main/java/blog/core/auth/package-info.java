/**
 * Third-party log-in providers (WordPress.com, Google, X, Facebook, GitHub and any OpenID Connect
 * provider): their configuration, the authorization-code flow with PKCE, and reading the user's
 * profile.
 */
package blog.core.auth;
