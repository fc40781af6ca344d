/**
 * The site secret, HMAC signatures for values the browser carries, random tokens and a per-thread
 * secure random source.
 */
@NullMarked
package blog.core.security;

import org.jspecify.annotations.NullMarked;
