package blog.core.site;

import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.post.PostRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The header's menu as readers see it: the stored entries with each page's title and address looked
 * up. A page that readers may not open (a draft, trashed, deleted) is left out until it is readable
 * again.
 */
public final class SiteMenu {
  /** A page a menu may offer: its id, title and address. */
  public record PageChoice(long id, String title, String path) {}

  /** A menu item as shown: the words and where they lead. */
  public record Link(String label, String url) {}

  private final SettingsRepository settings;
  private final PostRepository posts;
  private final Clock clock;

  public SiteMenu(SettingsRepository settings, PostRepository posts, Clock clock) {
    this.settings = settings;
    this.posts = posts;
    this.clock = clock;
  }

  /** The pages readers may open now, by title. */
  public List<PageChoice> pages() {
    var zone = settings.site().timeZone();
    return posts.readablePages(clock.instant()).stream()
        .map((Post p) -> new PageChoice(p.id(), p.title(), PostPaths.permalink(p, zone)))
        .toList();
  }

  /** The menu's items as shown, in order. */
  public List<Link> links() {
    List<MenuEntry> entries = SiteLook.from(settings.content()).menu();
    if (entries.isEmpty()) {
      return List.of();
    }
    Map<Long, PageChoice> pages =
        pages().stream().collect(Collectors.toMap(PageChoice::id, Function.identity()));
    List<Link> links = new ArrayList<>();
    for (MenuEntry e : entries) {
      if (!e.isPage()) {
        links.add(new Link(e.label(), e.url()));
      } else if (pages.containsKey(e.pageId())) {
        PageChoice page = pages.get(e.pageId());
        links.add(new Link(e.label().isEmpty() ? page.title() : e.label(), page.path()));
      }
    }
    return List.copyOf(links);
  }
}
