/** Canonical redirects, a post page's metadata and JSON-LD, the sitemaps and robots.txt. */
package blog.web.seo;
