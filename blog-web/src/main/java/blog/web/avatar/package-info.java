/** Identicon avatars, drawn by the blog itself from a commenter's name. */
package blog.web.avatar;
