package blog.core.settings;

import blog.core.comment.AvatarSource;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.ModerationMode;
import blog.core.site.MenuEntry;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteLook;
import blog.core.site.SiteMenu;
import blog.core.site.SiteSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The admin's settings screen: the site's (title, tagline, reading, dates and times, and its look:
 * accent colour, footer, full posts or excerpts, menu, logo) and the discussion settings. Every
 * field is checked on the server and all are stored together or none. Pages read the settings per
 * request, so a change shows on the next page, without a restart.
 *
 * <p>The ranges are those {@link DiscussionSettings#from} accepts, so nothing stored here is ever
 * silently replaced by a default there.
 */
public final class SettingsEditor {
  /** What became of a save. */
  public sealed interface Outcome {
    /** Stored; the settings as pages now see them. */
    record Saved(SiteSettings site, DiscussionSettings discussion) implements Outcome {}

    /** Nothing stored; the messages say why, per field of {@link SettingsForm}. */
    record Refused(List<FieldError> errors) implements Outcome {
      public Refused {
        errors = List.copyOf(errors);
      }
    }
  }

  public static final List<String> MODERATION_MODES = names(ModerationMode.values());
  public static final List<String> AVATAR_SOURCES = names(AvatarSource.values());
  public static final List<String> COMMENT_ORDERS = List.of("oldest", "newest");

  public static final List<String> HOME_SHOWS = List.of(SiteLook.EXCERPTS, SiteLook.FULL);

  private final SettingsRepository settings;
  private final Supplier<List<SiteMenu.PageChoice>> pages;
  private final Predicate<String> isOwnImage;

  /** Without pages to put in the menu nor images for a logo. */
  public SettingsEditor(SettingsRepository settings) {
    this(settings, List::of, path -> false);
  }

  /**
   * @param pages the pages the menu may offer (those readers may open)
   * @param isOwnImage whether a path is one of the site's uploaded images, for the logo
   */
  public SettingsEditor(
      SettingsRepository settings,
      Supplier<List<SiteMenu.PageChoice>> pages,
      Predicate<String> isOwnImage) {
    this.settings = settings;
    this.pages = pages;
    this.isOwnImage = isOwnImage;
  }

  /** The pages the menu may offer now, by title. */
  public List<SiteMenu.PageChoice> pages() {
    return pages.get();
  }

  /** The menu in force as the editor's rows, numbered 1, 2, 3... */
  public List<MenuRow> currentMenu() {
    List<MenuEntry> menu = SiteLook.from(settings.all()).menu();
    List<MenuRow> rows = new ArrayList<>();
    for (int i = 0; i < menu.size(); i++) {
      MenuEntry e = menu.get(i);
      rows.add(
          new MenuRow(
              Integer.toString(i + 1),
              e.isPage() ? MenuRow.PAGE + e.pageId() : MenuRow.LINK,
              e.label(),
              e.url()));
    }
    return rows;
  }

  /** The form filled with the settings in force (defaults where nothing is stored). */
  public SettingsForm current() {
    Map<String, String> stored = settings.all();
    SiteSettings site = SiteSettings.from(stored);
    SiteLook look = SiteLook.from(stored);
    DiscussionSettings d = DiscussionSettings.from(stored);
    return new SettingsForm(
        site.title(),
        site.tagline(),
        Integer.toString(site.postsPerPage()),
        site.dateFormat(),
        site.timeFormat(),
        site.timeZone().getId(),
        look.accent(),
        look.footerText(),
        look.fullPosts() ? SiteLook.FULL : SiteLook.EXCERPTS,
        look.logo(),
        Boolean.toString(d.requireNameAndEmail()),
        d.moderation().name().toLowerCase(Locale.ROOT),
        Integer.toString(d.maxLinks()),
        // As typed, not lower-cased as the checks read it.
        stored.getOrDefault(DiscussionSettings.BLOCKLIST, ""),
        Integer.toString(d.threadDepth()),
        Integer.toString(d.closeAfterDays()),
        Integer.toString(d.floodSeconds()),
        Integer.toString(d.minSecondsToSubmit()),
        Integer.toString(d.maxLength()),
        Integer.toString(d.editWindowMinutes()),
        Boolean.toString(d.pageComments()),
        Integer.toString(d.commentsPerPage()),
        d.newestFirst() ? "newest" : "oldest",
        d.avatars().name().toLowerCase(Locale.ROOT),
        Integer.toString(d.ipRetentionDays()),
        Boolean.toString(d.trustIdentities()));
  }

  /** Saves the form, leaving the menu as it is. */
  public Outcome save(SettingsForm form) {
    return save(form, null);
  }

  /** Saves the form and the menu's rows ({@code null}: the menu as it is), all or nothing. */
  public Outcome save(SettingsForm form, @Nullable List<MenuRow> menu) {
    FormCheck check = new FormCheck();
    check.text("title", SiteSettings.TITLE, form.title(), true, 200);
    check.text("tagline", SiteSettings.TAGLINE, form.tagline(), false, 500);
    check.number("postsPerPage", SiteSettings.POSTS_PER_PAGE, form.postsPerPage(), 1, 100);
    check.pattern("dateFormat", SiteSettings.DATE_FORMAT, form.dateFormat());
    check.pattern("timeFormat", SiteSettings.TIME_FORMAT, form.timeFormat());
    check.zone("timeZone", SiteSettings.TIME_ZONE, form.timeZone());
    check.accent("accent", SiteLook.ACCENT, form.accent());
    check.text("footerText", SiteLook.FOOTER_TEXT, form.footerText(), false, 300);
    check.choice("homeShows", SiteLook.HOME_SHOWS, form.homeShows(), HOME_SHOWS);
    check.image("logo", SiteLook.LOGO, form.logo(), isOwnImage);
    if (menu != null) {
      Set<Long> pageIds =
          pages.get().stream().map(SiteMenu.PageChoice::id).collect(Collectors.toSet());
      MenuCheck.check(menu, pageIds, check);
    }
    discussion(form, check);
    if (!check.ok()) {
      return new Outcome.Refused(check.errors());
    }
    settings.putAll(check.values());
    Map<String, String> stored = settings.all();
    return new Outcome.Saved(SiteSettings.from(stored), DiscussionSettings.from(stored));
  }

  private static void discussion(SettingsForm f, FormCheck check) {
    check.checkbox("requireNameEmail", DiscussionSettings.REQUIRE_NAME_EMAIL, f.requireNameEmail());
    check.choice("moderation", DiscussionSettings.MODERATION, f.moderation(), MODERATION_MODES);
    check.number("maxLinks", DiscussionSettings.MAX_LINKS, f.maxLinks(), 0, 1_000);
    check.lines("blocklist", DiscussionSettings.BLOCKLIST, f.blocklist(), 5_000, 200);
    check.number("threadDepth", DiscussionSettings.THREAD_DEPTH, f.threadDepth(), 1, 10);
    check.number(
        "closeAfterDays", DiscussionSettings.CLOSE_AFTER_DAYS, f.closeAfterDays(), 0, 100_000);
    check.number("floodSeconds", DiscussionSettings.FLOOD_SECONDS, f.floodSeconds(), 0, 86_400);
    check.number(
        "minSecondsToSubmit",
        DiscussionSettings.MIN_SECONDS_TO_SUBMIT,
        f.minSecondsToSubmit(),
        0,
        3_600);
    check.number("maxLength", DiscussionSettings.MAX_LENGTH, f.maxLength(), 1, 100_000);
    check.number(
        "editWindowMinutes",
        DiscussionSettings.EDIT_WINDOW_MINUTES,
        f.editWindowMinutes(),
        0,
        10_080);
    check.checkbox("pageComments", DiscussionSettings.PAGE_COMMENTS, f.pageComments());
    check.number(
        "commentsPerPage", DiscussionSettings.COMMENTS_PER_PAGE, f.commentsPerPage(), 1, 1_000);
    check.choice(
        "commentsOrder", DiscussionSettings.COMMENTS_ORDER, f.commentsOrder(), COMMENT_ORDERS);
    check.choice("avatars", DiscussionSettings.AVATARS, f.avatars(), AVATAR_SOURCES);
    check.number(
        "ipRetentionDays", DiscussionSettings.IP_RETENTION_DAYS, f.ipRetentionDays(), 0, 100_000);
    check.checkbox("trustIdentities", DiscussionSettings.TRUST_IDENTITIES, f.trustIdentities());
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
  }
}
