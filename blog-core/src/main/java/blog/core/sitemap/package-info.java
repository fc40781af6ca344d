/**
 * What the sitemaps list: visible posts, and the categories, tags and archives that hold them, with
 * their dates.
 */
package blog.core.sitemap;
