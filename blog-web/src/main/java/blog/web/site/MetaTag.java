package blog.web.site;

/** A {@code <meta>} element: {@code property} (OpenGraph) or {@code name} (Twitter) and content. */
public record MetaTag(String key, String content) {}
