/**
 * The page cache for anonymous readers: pages kept by content version, shared renders, gzip in
 * parts, and FastHits, which answers hits in Jetty ahead of Javalin.
 */
package blog.web.cache;
