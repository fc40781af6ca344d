/**
 * The content version: database rows that triggers raise with every change a reader could see,
 * polled by each instance so its caches know when to let go; and the values read models keep per
 * version (VersionMemos), on the same terms as kept pages.
 */
@NullMarked
package blog.core.change;

import org.jspecify.annotations.NullMarked;
