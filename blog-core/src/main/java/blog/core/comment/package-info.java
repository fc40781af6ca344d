/**
 * Comments: the reply form's input, the rules and storage of a new comment (once per form),
 * rendering, threading, paging, the discussion settings and editing by the comment's author.
 */
package blog.core.comment;
