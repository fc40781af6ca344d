/** The reply form's field names, and how a posted form becomes a comment form record. */
package blog.web.form;
