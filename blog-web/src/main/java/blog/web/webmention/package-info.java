/**
 * Webmention on the web: the endpoint other sites post mentions to, its advertisement on post
 * pages, the avatars of mentions' authors, and the admin's screen of mentions and deliveries.
 */
package blog.web.webmention;
