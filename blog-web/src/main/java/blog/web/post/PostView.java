package blog.web.post;

import blog.web.site.TermLink;
import java.util.List;

/**
 * A post as templates show it: text already formatted, links already built (the byline's date to
 * its day's archive, its author to theirs; {@code authorUrl} null without an author), nothing
 * private.
 */
public record PostView(
    String title,
    String permalink,
    String date,
    String isoDate,
    String dayUrl,
    String authorName,
    String authorUrl,
    List<TermLink> categories,
    List<TermLink> tags,
    String bodyHtml,
    String excerpt,
    int commentCount,
    boolean commentsOpen) {
  public PostView {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
  }
}
