/**
 * What every public page shares: the Pebble renderer and layout, head and sidebar views,
 * permalinks, absolute URLs, static assets, identicon avatars drawn from a commenter's name, and
 * conditional GET.
 */
package blog.web.site;
