/**
 * What every public page shares: the Pebble renderer and layout, head and sidebar views,
 * permalinks, absolute URLs, static assets and conditional GET.
 */
package blog.web.site;
