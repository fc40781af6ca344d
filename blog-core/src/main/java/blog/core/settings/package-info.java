/**
 * The admin's settings screen: checking the site and discussion settings form and storing it all or
 * not at all.
 */
@NullMarked
package blog.core.settings;

import org.jspecify.annotations.NullMarked;
