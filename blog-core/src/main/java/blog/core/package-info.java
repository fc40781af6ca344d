/**
 * The domain, with no web code in it; this package itself holds only the exception for things that
 * do not exist or are not visible.
 */
package blog.core;
