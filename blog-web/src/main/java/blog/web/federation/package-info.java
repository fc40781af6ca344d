/**
 * The fediverse on the web: WebFinger, NodeInfo, the blog's actor, its posts and shared comments as
 * ActivityStreams documents (posts also by content negotiation at the home page and the
 * permalinks), the inbox, remote authors' avatars, and the admin's screen of comment sharing,
 * followers, blocks, likes and boosts, and failed deliveries.
 */
package blog.web.federation;
