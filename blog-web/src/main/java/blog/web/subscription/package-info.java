/**
 * The pages behind the links in notification mails: confirming a subscription and unsubscribing.
 */
package blog.web.subscription;
