/**
 * The admin's WordPress import screen, with progress lines while it runs, and the export download.
 */
package blog.web.admin.wordpress;
