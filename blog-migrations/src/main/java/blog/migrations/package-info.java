/**
 * Runs the Flyway migrations, and holds the H2 triggers, written in Java, that keep the content
 * version and the comment counts.
 */
package blog.migrations;
