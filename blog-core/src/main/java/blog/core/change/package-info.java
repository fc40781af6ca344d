/**
 * The content version: database rows that triggers raise with every change a reader could see,
 * polled by each instance so its caches know when to let go.
 */
@NullMarked
package blog.core.change;

import org.jspecify.annotations.NullMarked;
