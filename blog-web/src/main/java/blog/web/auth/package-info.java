/**
 * Commenters' log-in with a provider or with a mailed link and back to the reply form, their
 * sessions, and the local demo OpenID Connect provider.
 */
package blog.web.auth;
