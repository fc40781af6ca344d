/**
 * Commenters' log-in with a provider and back to the reply form, their sessions, and the local demo
 * OpenID Connect provider.
 */
package blog.web.auth;
