/**
 * Server-side sessions of staff and commenters, stored by the hash of their token, with idle and
 * absolute limits.
 */
package blog.core.session;
