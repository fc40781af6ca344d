package blog.web.site;

import blog.core.post.Post;
import blog.core.reading.ArchiveMonth;
import blog.core.reading.BlogReader;
import blog.core.reading.Sidebar;
import blog.core.site.SiteLook;
import blog.core.site.SiteMenu;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.TermCount;
import io.javalin.http.Context;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Renders a public page inside the one layout: site title and tagline, the page's own content and
 * the sidebar. Handlers hand it a template name and their view records.
 */
public final class Pages {
  private final PebbleRenderer pebble;
  private final BlogReader reader;
  private final Supplier<SidebarView> sidebar;
  private final StaticAssets assets;
  private final AbsoluteUrls urls;
  private final Predicate<Context> showsTemplateErrors;
  private final Supplier<List<SiteMenu.Link>> menu;
  private final String webmentionEndpoint;
  // Only for the title of error pages while the database is away; never used for content.
  private volatile SiteSettings lastSite = SiteSettings.from(Map.of());
  private volatile Look lastLook = new Look(SiteLook.from(Map.of()), List.of());

  /** The site's look and menu as one page shows them. */
  private record Look(SiteLook look, List<SiteMenu.Link> menu) {}

  /** The stylesheet's URL for a look: hashing its CSS per page was a tenth of a post page. */
  private record StylesheetUrl(SiteLook look, String url) {}

  private volatile StylesheetUrl lastStylesheet =
      new StylesheetUrl(lastLook.look(), SiteStylesheet.url(lastLook.look()));

  /**
   * {@code sidebar}: the sidebar as shown, e.g. {@link #sidebarOf} kept by a memo; {@code
   * showsTemplateErrors}: whether a request is a staff member's, who is shown what breaks a theme
   * template rather than the built-in page; {@code menu}: the header's menu as shown, e.g. {@link
   * SiteMenu#links} kept by a memo; {@code webmentionEndpoint}: the address every page's head names
   * as its Webmention endpoint, empty for none.
   */
  public Pages(
      PebbleRenderer pebble,
      BlogReader reader,
      Supplier<SidebarView> sidebar,
      StaticAssets assets,
      AbsoluteUrls urls,
      Predicate<Context> showsTemplateErrors,
      Supplier<List<SiteMenu.Link>> menu,
      String webmentionEndpoint) {
    this.menu = menu;
    this.webmentionEndpoint = webmentionEndpoint;
    this.pebble = pebble;
    this.reader = reader;
    this.sidebar = sidebar;
    this.assets = assets;
    this.urls = urls;
    this.showsTemplateErrors = showsTemplateErrors;
  }

  /** The public address of this site's paths, for what handlers put into {@link PageMeta}. */
  public AbsoluteUrls urls() {
    return urls;
  }

  /**
   * Renders {@code template} with the site around it and writes it as the response. A {@link
   * PageMeta} under the model key {@code meta} fills the head (canonical URL, description, link
   * previews, feeds); without one the page has no canonical URL.
   */
  public void render(Context ctx, String template, String title, Map<String, Object> model) {
    SiteSettings site = reader.site();
    lastSite = site;
    Look look = new Look(reader.look(), menu.get());
    lastLook = look;
    // Written as bytes as it is made: a page with a long discussion copies its threads' kept bytes.
    byte[] page =
        pebble.renderBytes(
            template,
            model(title, model, site, look, ctx.path(), sidebar.get()),
            () -> showsTemplateErrors.test(ctx));
    ctx.contentType(HTML).result(page);
  }

  /**
   * A page of the admin: its own layout (no public sidebar), the site's name, and whatever the
   * handler adds (the staff user, CSRF token).
   */
  public void renderAdmin(Context ctx, String template, String title, Map<String, Object> model) {
    write(ctx, adminHtml(ctx, template, title, model));
  }

  /** A page of the admin as {@link #renderAdmin} writes it, for an answer that sends it itself. */
  public String adminHtml(Context ctx, String template, String title, Map<String, Object> model) {
    SiteSettings site = reader.site();
    lastSite = site;
    Map<String, Object> all = new HashMap<>(model);
    all.put("adminStylesheet", assets.url("css/admin.css"));
    all.put("passkeysJs", assets.url("js/passkeys.js"));
    return html(template, title, all, site, lastLook, "", SidebarView.EMPTY, errorsFor(ctx));
  }

  /** A piece of a page (no layout), e.g. a new comment for the page's script to insert. */
  public String fragment(String template, Map<String, Object> model) {
    return pebble.render(template, model);
  }

  /** Writes an HTML response, declaring its encoding. */
  public static void write(Context ctx, String html) {
    ctx.contentType(HTML).result(html);
  }

  private static final String HTML = "text/html; charset=utf-8";

  /**
   * A page that must render even when the database is away (the 503 page): the site as last read,
   * no sidebar.
   */
  public String standalone(String template, String title) {
    return standalone(template, title, Map.of());
  }

  public String standalone(String template, String title, Map<String, Object> model) {
    return html(template, title, model, lastSite, lastLook, "", SidebarView.EMPTY, Renderer.READER);
  }

  /**
   * A page like {@link #standalone} from the built-in templates alone, whatever the theme holds:
   * the page that tells staff what broke a theme template.
   */
  public String builtInStandalone(String template, String title, Map<String, Object> model) {
    return html(
        template, title, model, lastSite, lastLook, "", SidebarView.EMPTY, Renderer.BUILT_IN);
  }

  /** Which templates draw a page and who learns of a broken theme template. */
  private interface Renderer {
    Renderer READER = (pebble, template, model) -> pebble.render(template, model);
    Renderer BUILT_IN = (pebble, template, model) -> pebble.renderBuiltIn(template, model);

    String render(PebbleRenderer pebble, String template, Map<String, Object> model);
  }

  /** Staff see a broken theme template's error; readers the built-in page. */
  private Renderer errorsFor(Context ctx) {
    return (pebble, template, model) ->
        pebble.render(template, model, () -> showsTemplateErrors.test(ctx));
  }

  private String html(
      String template,
      String title,
      Map<String, Object> model,
      SiteSettings site,
      Look look,
      String path,
      SidebarView sidebar,
      Renderer renderer) {
    return renderer.render(pebble, template, model(title, model, site, look, path, sidebar));
  }

  /** {@code model} with the site around it: the layout's variables. */
  private Map<String, Object> model(
      String title,
      Map<String, Object> model,
      SiteSettings site,
      Look look,
      String path,
      SidebarView sidebar) {
    Map<String, Object> all = new HashMap<>(model);
    all.put(
        "site",
        new SiteView(
            site.title(),
            site.tagline(),
            assets.url("css/blog.css"),
            assets.url("js/comments.js"),
            assets.url("favicon.svg"),
            stylesheetUrl(look.look()),
            look.look().logo(),
            look.look().footerText(),
            look.look().fullPosts(),
            look.menu().stream()
                .map(l -> new MenuLink(l.label(), l.url(), l.url().equals(path)))
                .toList(),
            webmentionEndpoint));
    all.put("pageTitle", title == null ? site.title() : title + " | " + site.title());
    all.put("sidebar", sidebar);
    PageMeta meta = model.get("meta") instanceof PageMeta m ? m : PageMeta.NONE;
    all.put("head", HeadBuilder.head(meta, title == null ? site.title() : title, site, urls));
    all.putIfAbsent("searchQuery", "");
    return all;
  }

  /** {@link SiteStylesheet#url} of {@code look}, computed again only when the look changes. */
  private String stylesheetUrl(SiteLook look) {
    StylesheetUrl last = lastStylesheet;
    if (!last.look().equals(look)) {
      last = new StylesheetUrl(look, SiteStylesheet.url(look));
      lastStylesheet = last;
    }
    return last.url();
  }

  /**
   * The sidebar as shown (recent posts, categories, archive months, with their links), from the
   * blog as it is now: what {@link #render} puts beside every page, to be kept between changes.
   */
  public static SidebarView sidebarOf(BlogReader reader) {
    return sidebar(reader.sidebar(), reader.site().timeZone());
  }

  private static SidebarView sidebar(Sidebar sidebar, ZoneId zone) {
    List<TermLink> recent =
        sidebar.recentPosts().stream()
            .map((Post p) -> new TermLink(p.title(), Permalinks.post(p, zone), 0))
            .toList();
    List<TermLink> categories =
        sidebar.categories().stream()
            .filter(c -> c.posts() > 0)
            .map(
                (TermCount c) ->
                    new TermLink(c.term().name(), Permalinks.term(c.term()), c.posts()))
            .toList();
    List<TermLink> months =
        sidebar.months().stream()
            .map(
                (ArchiveMonth m) ->
                    new TermLink(
                        Month.of(m.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                            + " "
                            + m.year(),
                        Permalinks.month(m.year(), m.month()),
                        m.posts()))
            .toList();
    return new SidebarView(true, recent, categories, months);
  }
}
