/**
 * The settings table, and the site settings every public page needs (title, tagline, posts per
 * page, date and time formats, time zone).
 */
package blog.core.site;
