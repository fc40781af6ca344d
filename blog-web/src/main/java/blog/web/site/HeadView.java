package blog.web.site;

import java.util.List;

/**
 * The page head as the layout prints it: every URL absolute, every text plain (the template escapes
 * it); {@code jsonLd} is already safe inside a script element.
 */
public record HeadView(
    String description,
    String canonical,
    String robots,
    List<FeedLink> feeds,
    List<MetaTag> properties,
    List<MetaTag> names,
    String jsonLd) {
  public HeadView {
    feeds = List.copyOf(feeds);
    properties = List.copyOf(properties);
    names = List.copyOf(names);
  }
}
