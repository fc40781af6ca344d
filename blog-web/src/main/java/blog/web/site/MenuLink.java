package blog.web.site;

/** An item of the header's menu: its words, where it leads, and whether that is this page. */
public record MenuLink(String label, String url, boolean current) {}
