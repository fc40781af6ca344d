/** Categories and tags. */
package blog.core.taxonomy;
