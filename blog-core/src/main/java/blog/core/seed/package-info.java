/** The article and two responses that a brand-new blog starts with. */
@NullMarked
package blog.core.seed;

import org.jspecify.annotations.NullMarked;
