/**
 * Staff accounts (admins and authors): Argon2id passwords, log-in with throttling, and creating the
 * first admin.
 */
package blog.core.user;
