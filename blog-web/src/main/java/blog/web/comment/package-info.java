/** The reply form's target, and the edit and delete of a comment by its author. */
package blog.web.comment;
