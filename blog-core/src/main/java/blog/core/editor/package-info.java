/**
 * Writing posts in the admin: the editor's form, saving with optimistic locking, revisions,
 * autosaves, the trash, old slugs and the admin's post list.
 */
package blog.core.editor;
