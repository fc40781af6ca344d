/** Monthly, yearly, category and tag archive pages. */
package blog.web.archive;
