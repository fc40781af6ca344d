/**
 * An owner's theme folder: templates and static files that replace the built-in ones without a
 * rebuild, noticed when they change, and a broken theme template explained to staff.
 */
package blog.web.theme;
