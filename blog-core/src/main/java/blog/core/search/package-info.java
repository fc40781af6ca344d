/**
 * The readers' search over published posts: full-text search on PostgreSQL, LIKE matching on H2.
 */
@NullMarked
package blog.core.search;

import org.jspecify.annotations.NullMarked;
