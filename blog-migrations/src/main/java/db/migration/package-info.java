/**
 * The Flyway migrations written in Java (V15, V17, V18, V22, V23), which install triggers in
 * PL/pgSQL on PostgreSQL and as Java classes on H2.
 */
package db.migration;
