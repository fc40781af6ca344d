package blog.core.change;

/**
 * The content version ({@code all}: any change a reader could see) and the listing version ({@code
 * listing}: posts, terms, authors, settings, images and old permalinks, but not comments or
 * commenters). Whenever the listing version grows, so does the content version.
 */
public record ContentVersions(long all, long listing) {}
