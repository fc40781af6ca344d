/**
 * What the blog keeps about a commenter, for them and for the owner: their comments, subscriptions
 * and identities found by identity or address, the data export, the erasure, the mailed "My
 * comments" links for guests and the owner's log of requests.
 */
package blog.core.privacy;
