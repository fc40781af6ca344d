/**
 * The connection pool and the one Jdbi, transactions, H2 backup and restore, and helpers that make
 * H2 and PostgreSQL behave alike.
 */
package blog.core.db;
