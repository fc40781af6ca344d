/**
 * Notification mails: comment notices to post authors, double opt-in subscriptions to follow-up
 * comments and new posts, and the signed links in the mails.
 */
package blog.core.notify;
