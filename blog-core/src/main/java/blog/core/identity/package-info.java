/**
 * Commenters who logged in with a third-party provider: their stored identity and what the blog
 * shows of it.
 */
package blog.core.identity;
