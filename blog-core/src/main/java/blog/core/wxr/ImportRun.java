package blog.core.wxr;

import blog.core.comment.CommentRenderer;
import blog.core.editor.PostChanges;
import blog.core.post.PostStatus;
import blog.core.post.PostType;
import blog.core.taxonomy.Taxonomy;
import blog.core.text.MarkdownRenderer;
import blog.core.text.Slugs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * One import, fed by the reader in file order: authors and terms, then items with their comments.
 * Everything already imported from the same site (by WordPress id), and every author and term
 * already here (by username, by slug), is left as it is and counted as skipped.
 */
final class ImportRun implements WxrModel.Handler {
  static final String MARKDOWN_META = "_blog_markdown";
  static final String SOURCE_META = "_blog_source";
  private static final int MAX_NOTES = 50;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,64}");
  private static final Pattern LOGIN_JUNK = Pattern.compile("[^a-z0-9._-]+");
  private static final Pattern LETTER = Pattern.compile(".*[a-z].*");
  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://\\S+");

  private final WxrImportRepository repo;
  private final MarkdownRenderer markdown;
  private final CommentRenderer commentRenderer;
  private final Instant now;
  private final ZoneId zone;
  private final IntConsumer afterItem;
  private final long importId;
  private final Runnable written;
  private final List<String> takenSlugs = new ArrayList<>();

  private final Tally posts = new Tally();
  private final Tally pages = new Tally();
  private final Tally comments = new Tally();
  private final Tally categories = new Tally();
  private final Tally tags = new Tally();
  private final Tally authors = new Tally();
  private int otherItems;
  private int items;
  private final List<String> notes = new ArrayList<>();
  private int moreNotes;
  private final List<ImportReport.LeftOut> leftOut = new ArrayList<>();
  private int moreLeftOut;

  private String site = "";
  private final Map<String, Long> usersByLogin = new HashMap<>();
  private final Map<Long, Long> usersByWpId = new HashMap<>();
  private final Map<String, Long> termIds = new HashMap<>();
  private final List<long[]> pageParents = new ArrayList<>();

  ImportRun(
      WxrImportRepository repo,
      MarkdownRenderer markdown,
      CommentRenderer commentRenderer,
      Instant now,
      ZoneId zone,
      long importId,
      Runnable written,
      IntConsumer afterItem) {
    this.repo = repo;
    this.markdown = markdown;
    this.commentRenderer = commentRenderer;
    this.now = now;
    this.zone = zone;
    this.afterItem = afterItem;
    this.importId = importId;
    this.written = written;
  }

  private static final class Tally {
    int created;
    int skipped;

    ImportReport.Count count() {
      return new ImportReport.Count(created, skipped);
    }
  }

  @Override
  public void channel(WxrModel.Channel channel) {
    String url = first(channel.baseBlogUrl(), channel.baseSiteUrl(), channel.link());
    site = WordPressText.clip(url.replaceAll("/+$", "").toLowerCase(Locale.ROOT), 500);
  }

  @Override
  public void author(WxrModel.Author author) {
    String login = login(author.login());
    if (login.isEmpty()) {
      note("An author without a login name was left out.");
      return;
    }
    String display =
        first(
            WordPressText.plain(author.displayName()),
            WordPressText.plain(author.firstName() + " " + author.lastName()),
            login);
    long id = user(login, display, author.email().strip(), authors);
    if (author.wpId() > 0) {
      usersByWpId.put(author.wpId(), id);
    }
  }

  private long user(String login, String display, String email, Tally tally) {
    Long known = usersByLogin.get(login);
    if (known != null) {
      return known;
    }
    Optional<Long> existing = repo.userIdByUsername(login);
    long id;
    if (existing.isPresent()) {
      tally.skipped++;
      id = existing.get();
    } else {
      tally.created++;
      String mail = email.contains("@") && email.length() <= 254 ? email : null;
      id = repo.insertAuthor(login, WordPressText.clip(display, 250), mail, now);
      repo.recordMade(importId, "user", id);
      written.run();
    }
    usersByLogin.put(login, id);
    return id;
  }

  @Override
  public void term(WxrModel.Term term) {
    Taxonomy taxonomy = taxonomy(term.taxonomy());
    if (taxonomy == null) {
      return; // menus, post formats, custom taxonomies: nothing here to hold them
    }
    termId(taxonomy, term.slug(), term.name(), term.description(), true);
  }

  private long termId(
      Taxonomy taxonomy, String wpSlug, String wpName, String description, boolean declared) {
    String name = WordPressText.clip(WordPressText.plain(wpName), PostChanges.MAX_TERM_NAME);
    String slug = WordPressText.decodeSlug(wpSlug);
    if (slug.isEmpty()) {
      slug = Slugs.slugify(name);
    }
    slug = WordPressText.clip(slug, PostChanges.MAX_SLUG);
    String key = taxonomy.dbValue() + ":" + slug;
    Long known = termIds.get(key);
    if (known != null) {
      return known;
    }
    Tally tally = taxonomy == Taxonomy.CATEGORY ? categories : tags;
    Optional<Long> existing = repo.termId(taxonomy, slug);
    long id;
    if (existing.isPresent()) {
      id = existing.get();
      if (declared) {
        tally.skipped++;
      }
    } else {
      tally.created++;
      id =
          repo.insertTerm(
              taxonomy,
              slug,
              name.isEmpty() ? slug : name,
              WordPressText.clip(WordPressText.plain(description), 2000));
      repo.recordMade(importId, "term", id);
      written.run();
    }
    termIds.put(key, id);
    return id;
  }

  private static Taxonomy taxonomy(String wp) {
    return switch (wp) {
      case "category" -> Taxonomy.CATEGORY;
      case "post_tag", "tag" -> Taxonomy.TAG;
      default -> null;
    };
  }

  @Override
  public void item(WxrModel.Item item) {
    items++;
    PostType type =
        switch (item.postType()) {
          case "post" -> PostType.POST;
          case "page" -> PostType.PAGE;
          default -> null;
        };
    if (type == null || item.status().equals("auto-draft")) {
      otherItems++;
      afterItem.accept(items);
      return;
    }
    Tally tally = type == PostType.PAGE ? pages : posts;
    Optional<Long> mapped = repo.mappedPost(site, item.wpId());
    long postId;
    if (mapped.isPresent()) {
      tally.skipped++;
      postId = mapped.get();
    } else {
      tally.created++;
      postId = createPost(item, type);
    }
    comments(item, postId);
    afterItem.accept(items);
  }

  private long createPost(WxrModel.Item item, PostType type) {
    String title = WordPressText.clip(WordPressText.plain(item.title()), PostChanges.MAX_TITLE);
    String body = item.meta(MARKDOWN_META).orElseGet(() -> WordPressText.postBody(item.content()));
    String excerpt = WordPressText.plain(item.excerpt());
    if (excerpt.length() > PostChanges.MAX_EXCERPT) {
      note(describe(item) + ": the excerpt was shortened to " + PostChanges.MAX_EXCERPT + ".");
      excerpt = WordPressText.clip(excerpt, PostChanges.MAX_EXCERPT);
    }
    PostStatus status = status(item);
    Instant date = WordPressText.instant(item.postDateGmt(), item.postDate(), zone);
    boolean floatingDraft = status == PostStatus.DRAFT && item.postDateGmt().startsWith("0000");
    Instant publishedAt = floatingDraft ? null : date;
    if (publishedAt == null && status != PostStatus.DRAFT && status != PostStatus.TRASH) {
      publishedAt = now;
    }
    String wanted = WordPressText.decodeSlug(item.postName());
    String base;
    if (SLUG.matcher(wanted).matches()) {
      base = wanted;
    } else {
      // Not ASCII (or not a slug at all): an ASCII slug, and the old one redirects to it.
      base = Slugs.slugify(wanted.isEmpty() ? title : wanted);
      if (!LETTER.matcher(base).matches()) {
        base = type.dbValue() + "-" + item.wpId();
      }
    }
    base = WordPressText.clip(base, PostChanges.MAX_SLUG).replaceAll("-+$", "");
    String slug = freeSlug(base);
    if (!slug.equals(base)) {
      note(describe(item) + ": its slug " + base + " was taken, so it is now " + slug + ".");
    }
    long authorId =
        user(
            login(first(item.creator(), "wordpress")),
            first(item.creator(), "WordPress"),
            "",
            authors);
    long postId =
        repo.insertPost(
            new WxrImportRepository.NewPost(
                type,
                slug,
                title,
                body,
                markdown.render(body),
                excerpt,
                status,
                status == PostStatus.TRASH ? statusBeforeTrash(item) : null,
                authorId,
                !item.commentStatus().equals("closed"),
                publishedAt,
                date == null ? now : date));
    repo.mapPost(importId, site, item.wpId(), postId, now);
    // An old address of another post at this slug gives way, once the import is whole.
    takenSlugs.add(slug);
    written.run();
    for (WxrModel.ItemTerm term : item.terms()) {
      Taxonomy taxonomy = taxonomy(term.domain());
      if (taxonomy != null) {
        repo.linkTerm(postId, termId(taxonomy, term.nicename(), term.name(), "", false));
        written.run();
      }
    }
    keepOldAddresses(item, wanted, slug, postId);
    if (type == PostType.PAGE && item.parentWpId() > 0) {
      pageParents.add(new long[] {postId, item.parentWpId()});
    }
    return postId;
  }

  /**
   * The post's former addresses lead to it: its WordPress slug when it had to change, the slugs
   * WordPress remembered ({@code _wp_old_slug}), and the last segment of its WordPress link.
   */
  private void keepOldAddresses(WxrModel.Item item, String wanted, String slug, long postId) {
    List<String> old = new ArrayList<>();
    old.add(wanted);
    item.metaValues("_wp_old_slug").forEach(s -> old.add(WordPressText.decodeSlug(s)));
    String link = item.link();
    if (!link.contains("?")) {
      String[] segments = link.replaceAll("/+$", "").split("/");
      if (segments.length > 3) {
        old.add(WordPressText.decodeSlug(segments[segments.length - 1]));
      }
    }
    for (String s : old) {
      if (!s.isEmpty() && !s.equals(slug) && s.length() <= PostChanges.MAX_SLUG) {
        repo.addRedirect(s, postId, now);
        written.run();
      }
    }
  }

  private PostStatus status(WxrModel.Item item) {
    PostStatus status =
        switch (item.status()) {
          case "publish" -> PostStatus.PUBLISHED;
          case "future" -> PostStatus.SCHEDULED;
          case "trash" -> PostStatus.TRASH;
          case "private" -> {
            note(describe(item) + " was private in WordPress and is a draft here.");
            yield PostStatus.DRAFT;
          }
          default -> PostStatus.DRAFT; // draft, pending
        };
    if (!item.password().isEmpty() && status != PostStatus.DRAFT && status != PostStatus.TRASH) {
      note(
          describe(item)
              + " was password-protected in WordPress and is a draft here (this blog has no"
              + " protected posts).");
      return PostStatus.DRAFT;
    }
    return status;
  }

  private static PostStatus statusBeforeTrash(WxrModel.Item item) {
    return switch (item.meta("_wp_trash_meta_status").orElse("")) {
      case "publish" -> PostStatus.PUBLISHED;
      case "future" -> PostStatus.SCHEDULED;
      default -> PostStatus.DRAFT;
    };
  }

  private String freeSlug(String base) {
    if (!repo.slugTaken(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String suffix = "-" + n;
      String candidate =
          WordPressText.clip(base, PostChanges.MAX_SLUG - suffix.length()).replaceAll("-+$", "")
              + suffix;
      if (!repo.slugTaken(candidate)) {
        return candidate;
      }
    }
  }

  private void comments(WxrModel.Item item, long postId) {
    Map<Long, Long> local = new HashMap<>();
    List<long[]> threaded = new ArrayList<>();
    for (WxrModel.Comment c : item.comments()) {
      Optional<Long> mapped = repo.mappedComment(site, c.wpId());
      if (mapped.isPresent()) {
        comments.skipped++;
        local.put(c.wpId(), mapped.get());
        continue;
      }
      comments.created++;
      long id = repo.insertComment(comment(c, postId, item));
      repo.mapComment(importId, site, c.wpId(), id, now);
      written.run();
      local.put(c.wpId(), id);
      if (c.parentWpId() > 0) {
        threaded.add(new long[] {id, c.parentWpId()});
      }
    }
    for (long[] t : threaded) {
      Optional<Long> parent =
          Optional.ofNullable(local.get(t[1])).or(() -> repo.mappedComment(site, t[1]));
      boolean linked = parent.isPresent() && repo.setCommentParent(t[0], parent.get());
      written.run();
      if (!linked) {
        note(
            describe(item)
                + ": a comment answers comment "
                + t[1]
                + ", which is not in the export; it stands on its own.");
      }
    }
  }

  private WxrImportRepository.NewComment comment(
      WxrModel.Comment c, long postId, WxrModel.Item item) {
    String source = c.meta(SOURCE_META).orElseGet(() -> CommentHtml.toSource(c.content()));
    var status =
        switch (c.approved()) {
          case "1", "approve", "approved" -> blog.core.comment.CommentStatus.APPROVED;
          case "spam" -> blog.core.comment.CommentStatus.SPAM;
          case "trash", "post-trashed" -> blog.core.comment.CommentStatus.TRASH;
          default -> blog.core.comment.CommentStatus.PENDING;
        };
    String heldReason =
        switch (status) {
          case PENDING -> "Imported from WordPress, where it awaited moderation.";
          case SPAM -> "Imported from WordPress, where it was marked as spam.";
          default -> null;
        };
    Instant created = WordPressText.instant(c.dateGmt(), c.date(), zone);
    if (created == null) {
      created =
          Optional.ofNullable(WordPressText.instant(item.postDateGmt(), item.postDate(), zone))
              .orElse(now);
    }
    String email = c.authorEmail().strip();
    String url = c.authorUrl().strip();
    String ip = c.authorIp().strip();
    return new WxrImportRepository.NewComment(
        postId,
        WordPressText.clip(first(WordPressText.plain(c.author()), "Anonymous"), 250),
        email.contains("@") && email.length() <= 254 ? email : null,
        WEB_URL.matcher(url).matches() && url.length() <= 2000 ? url : null,
        c.userWpId() > 0 ? usersByWpId.get(c.userWpId()) : null,
        source,
        commentRenderer.render(source),
        status,
        heldReason,
        created,
        IP.matcher(ip).matches() ? ip : null);
  }

  @Override
  public void leftOut(WxrModel.LeftOut what) {
    if (leftOut.size() < ImportReport.MAX_LEFT_OUT) {
      String title = WordPressText.clip(WordPressText.plain(what.title()), 200);
      leftOut.add(new ImportReport.LeftOut(title, what.reason()));
    } else {
      moreLeftOut++;
    }
    if (what.wholeItem()) {
      items++;
      afterItem.accept(items);
    }
  }

  /** After the last item: pages under their parents, which may have come later in the file. */
  ImportReport finish() {
    for (String slug : takenSlugs) {
      repo.removeRedirect(slug);
    }
    for (long[] p : pageParents) {
      Optional<Long> parent = repo.mappedPost(site, p[1]);
      if (parent.isPresent() && parent.get() != p[0]) {
        repo.setPostParent(p[0], parent.get());
      }
    }
    List<String> all = new ArrayList<>(notes);
    if (moreNotes > 0) {
      all.add("… and " + moreNotes + " more notes like these.");
    }
    return new ImportReport(
        posts.count(),
        pages.count(),
        comments.count(),
        categories.count(),
        tags.count(),
        authors.count(),
        otherItems,
        leftOut,
        moreLeftOut,
        all);
  }

  private void note(String note) {
    if (notes.size() < MAX_NOTES) {
      notes.add(note);
    } else {
      moreNotes++;
    }
  }

  private static String describe(WxrModel.Item item) {
    String title = WordPressText.plain(item.title());
    return (item.postType().equals("page") ? "Page" : "Post")
        + " "
        + item.wpId()
        + (title.isEmpty() ? "" : " (\"" + WordPressText.clip(title, 60) + "\")");
  }

  /**
   * A WordPress login as a username here (lower-case letters, digits, dots, dashes, underscores),
   * the way WordPress's importer cleans the logins it reads ({@code sanitize_user}).
   */
  private static String login(String login) {
    String clean =
        LOGIN_JUNK
            .matcher(login.strip().toLowerCase(Locale.ROOT))
            .replaceAll("-")
            .replaceAll("(^[-.]+)|([-.]+$)", "");
    return WordPressText.clip(clean, 60);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}
