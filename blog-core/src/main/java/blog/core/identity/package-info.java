/**
 * Who people are: staff users (admins and authors) with their roles, bylines and Argon2id
 * passwords, and commenters with the identities they logged in with.
 */
package blog.core.identity;
