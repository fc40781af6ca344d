/**
 * What every public page shares: the Pebble renderer and layout, pieces of pages kept as rendered,
 * head and sidebar views, permalinks, absolute URLs, static assets, identicon avatars drawn from a
 * commenter's name, and conditional GET.
 */
package blog.web.site;
