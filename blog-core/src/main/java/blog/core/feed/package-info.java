/** What the feeds carry: the newest visible posts and the newest approved comments. */
@NullMarked
package blog.core.feed;

import org.jspecify.annotations.NullMarked;
