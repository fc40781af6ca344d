/**
 * The page cache for anonymous readers: which requests it may answer and which answers it may keep
 * (CacheRules), pages kept by content version (PageCache), shared renders, gzip in parts, and
 * FastHits, which answers hits in Jetty ahead of Javalin.
 */
package blog.web.cache;
