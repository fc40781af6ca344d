/**
 * What is kept during a trip to a log-in provider: the pending sign-in request and the comment form
 * as it was typed.
 */
package blog.core.signin;
