/**
 * The fediverse (ActivityPub): the blog as an account others follow, its key pair, signed requests
 * in and out, fetching remote accounts safely, the followers and blocks, the queue of outgoing
 * activities and its background delivery, posts and the blog's own comments sent as articles and
 * notes, replies taken in as comments, and likes and boosts counted.
 */
package blog.core.federation;
