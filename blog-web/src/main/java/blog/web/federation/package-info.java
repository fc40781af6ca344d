/**
 * The fediverse on the web: WebFinger, NodeInfo, the blog's actor and its posts as ActivityStreams
 * documents (also by content negotiation at the home page and the permalinks), the inbox, remote
 * authors' avatars, and the admin's screen of followers, blocks, likes and boosts, and failed
 * deliveries.
 */
package blog.web.federation;
