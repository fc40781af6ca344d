/**
 * The connection pool and the one Jdbi, transactions, making acknowledged writes durable (group
 * commit into H2's file, the full-disk guard), H2 backup and restore, and helpers that make H2 and
 * PostgreSQL behave alike.
 */
@NullMarked
package blog.core.db;

import org.jspecify.annotations.NullMarked;
