/** The article and two responses that a brand-new blog starts with. */
package blog.core.seed;
