/**
 * Everything a reader sees: listings, archives, the sidebar, and a single post with one page of its
 * threaded comments.
 */
package blog.core.reading;
