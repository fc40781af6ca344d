/**
 * The content version: database rows that triggers raise with every change a reader could see,
 * polled by each instance so its caches know when to let go.
 */
package blog.core.change;
