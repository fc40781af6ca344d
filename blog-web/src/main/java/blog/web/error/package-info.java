/**
 * The pages of the one exception map: 404, 403, 503 while the database is away (with the typed form
 * kept), and 500.
 */
package blog.web.error;
