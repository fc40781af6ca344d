/**
 * "My comments" for commenters and guests: their comments, subscriptions, the download of their
 * data and their erasure.
 */
package blog.web.privacy;
