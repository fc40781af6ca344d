/**
 * The settings table, and the site settings every public page needs (title, tagline, posts per
 * page, date and time formats, time zone, and the look: accent colour, footer text, full posts or
 * excerpts, the header menu and logo).
 */
package blog.core.site;
