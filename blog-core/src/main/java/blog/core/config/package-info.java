/**
 * Configuration keys, read from an optional properties file and from BLOG_ environment variables.
 */
package blog.core.config;
