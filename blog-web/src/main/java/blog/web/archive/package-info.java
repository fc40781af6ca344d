/** Yearly, monthly, daily, category, tag and author archive pages. */
package blog.web.archive;
