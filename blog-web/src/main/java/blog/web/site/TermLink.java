package blog.web.site;

/** A category, tag or archive month as a link, with how many posts it holds (0 when not shown). */
public record TermLink(String name, String url, int posts) {}
