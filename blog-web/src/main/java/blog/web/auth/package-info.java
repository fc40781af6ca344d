/**
 * Commenters' log-in with a provider or with a mailed link and back to the reply form (its fields,
 * and how a posted form becomes a comment form record), their sessions, and the local demo OpenID
 * Connect provider.
 */
package blog.web.auth;
