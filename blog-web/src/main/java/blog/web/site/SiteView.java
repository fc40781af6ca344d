package blog.web.site;

/** What the layout shows of the site itself. */
public record SiteView(
    String title, String tagline, String stylesheet, String commentsScript, String icon) {}
