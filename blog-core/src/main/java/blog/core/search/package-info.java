/**
 * The readers' search over published posts: full-text search on PostgreSQL, LIKE matching on H2.
 */
package blog.core.search;
