/**
 * Who people are: staff users (admins and authors) with their roles, bylines and Argon2id
 * passwords, and commenters with the identities they logged in with.
 */
@NullMarked
package blog.core.identity;

import org.jspecify.annotations.NullMarked;
