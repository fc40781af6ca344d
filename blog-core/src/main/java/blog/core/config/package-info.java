/**
 * Configuration keys, each declared once with its environment name, default, parser and help, read
 * from an optional properties file and from BLOG_ environment variables, and the warning about
 * names no declaration knows.
 */
package blog.core.config;
