/**
 * The admin's post screens (list, editor with preview and autosave, revisions), image uploads and
 * the public media route.
 */
package blog.web.admin.posts;
