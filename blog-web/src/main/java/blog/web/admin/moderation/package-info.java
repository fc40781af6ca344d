/**
 * The admin's comment screens (the moderation queue, corrections, staff replies) and the settings
 * screen.
 */
package blog.web.admin.moderation;
