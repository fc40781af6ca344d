/**
 * The home page and single posts with their comment section and reply form, their view records, and
 * the per-visitor form tokens.
 */
package blog.web.post;
