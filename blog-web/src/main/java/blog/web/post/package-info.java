/**
 * The home page and single posts with their comment section and reply form, their view records, the
 * per-visitor form tokens, and the reply form's target with the edit and delete of a comment by its
 * author.
 */
package blog.web.post;
