/**
 * Text shared by features: Markdown rendered and sanitised, excerpts, slugs and one-line fields.
 */
package blog.core.text;
