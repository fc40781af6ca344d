/**
 * The content version: database rows that triggers raise with every change a reader could see,
 * polled by each instance so its caches know when to let go; the versions an instance answers by
 * (SeenVersions: polled, or read at once after its own writes); and the values read models keep per
 * version (VersionMemos), on the same terms as kept pages.
 */
@NullMarked
package blog.core.change;

import org.jspecify.annotations.NullMarked;
