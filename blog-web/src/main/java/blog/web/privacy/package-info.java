/**
 * "My comments" for commenters and guests (their comments, subscriptions, download and erasure),
 * and the public privacy page.
 */
package blog.web.privacy;
