package blog.core.wxr;

import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;

/**
 * Writes the whole blog as a WordPress export (WXR 1.2): authors, categories, tags, every post and
 * page in every status, and every comment with its thread. WordPress gets each post's and comment's
 * HTML as this blog shows it; the Markdown and comment sources ride along as post and comment meta
 * ({@code _blog_markdown}, {@code _blog_source}), which WordPress keeps hidden and this blog's
 * importer reads back, so a round trip through an export changes no text. Former slugs go out as
 * {@code _wp_old_slug}, which WordPress also uses to redirect old links.
 */
public final class WxrExporter {
  private static final int BATCH = 100;

  private final WxrExportRepository repository;
  private final SettingsRepository settings;
  private final Clock clock;

  public WxrExporter(WxrExportRepository repository, SettingsRepository settings, Clock clock) {
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  /** What went into an export. */
  public record Summary(int posts, int pages, int comments) {}

  /**
   * Writes the export to {@code out} (left open); {@code baseUrl} is the blog's public address, for
   * links.
   */
  public Summary export(OutputStream out, String baseUrl) {
    String base = baseUrl.replaceAll("/+$", "");
    try (WxrWriter w = new WxrWriter(out)) {
      Summary summary = write(w, base);
      out.flush();
      return summary;
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing the export failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Summary write(WxrWriter w, String base) throws XMLStreamException {
    SiteSettings site = settings.site();
    ZoneId zone = site.timeZone();
    w.startDocument();
    w.start("channel");
    w.text("title", site.title());
    w.text("link", base);
    w.text("description", site.tagline());
    w.text("pubDate", rfc822(clock.instant()));
    w.text("language", "en");
    w.text("wp:wxr_version", "1.2");
    w.text("wp:base_site_url", base);
    w.text("wp:base_blog_url", base);
    Map<Long, String> users = new HashMap<>();
    for (WxrExportRepository.User u : repository.users()) {
      users.put(u.id(), u.username());
      w.start("wp:author");
      w.text("wp:author_id", Long.toString(u.id()));
      w.cdata("wp:author_login", u.username());
      w.cdata("wp:author_email", u.email() == null ? "" : u.email());
      w.cdata("wp:author_display_name", u.displayName());
      w.cdata("wp:author_first_name", "");
      w.cdata("wp:author_last_name", "");
      w.end();
    }
    Map<Long, WxrExportRepository.Term> terms = new HashMap<>();
    for (WxrExportRepository.Term t : repository.terms()) {
      terms.put(t.id(), t);
      boolean category = t.taxonomy().equals("category");
      w.start(category ? "wp:category" : "wp:tag");
      w.text("wp:term_id", Long.toString(t.id()));
      if (category) {
        w.cdata("wp:category_nicename", t.slug());
        w.cdata("wp:category_parent", "");
        w.cdata("wp:cat_name", WordPressText.html(t.name()));
        w.cdata("wp:category_description", t.description());
      } else {
        w.cdata("wp:tag_slug", t.slug());
        w.cdata("wp:tag_name", WordPressText.html(t.name()));
        w.cdata("wp:tag_description", t.description());
      }
      w.end();
    }
    w.text("generator", "blog");
    int posts = 0;
    int pages = 0;
    int comments = 0;
    long after = 0;
    while (true) {
      List<WxrExportRepository.Post> batch = repository.posts(after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      List<Long> ids = batch.stream().map(WxrExportRepository.Post::id).toList();
      Map<Long, List<Long>> termIds = repository.termIds(ids);
      Map<Long, List<String>> oldSlugs = repository.oldSlugs(ids);
      Map<Long, List<WxrExportRepository.Comment>> byPost = new HashMap<>();
      for (WxrExportRepository.Comment c : repository.comments(ids)) {
        byPost.computeIfAbsent(c.postId(), k -> new ArrayList<>()).add(c);
      }
      for (WxrExportRepository.Post p : batch) {
        List<WxrExportRepository.Comment> its = byPost.getOrDefault(p.id(), List.of());
        item(w, p, base, zone, termIds.getOrDefault(p.id(), List.of()), terms, oldSlugs, its);
        if (p.type().equals("page")) {
          pages++;
        } else {
          posts++;
        }
        comments += its.size();
        after = p.id();
      }
    }
    w.end();
    w.endDocument();
    return new Summary(posts, pages, comments);
  }

  private static void item(
      WxrWriter w,
      WxrExportRepository.Post p,
      String base,
      ZoneId zone,
      List<Long> termIds,
      Map<Long, WxrExportRepository.Term> terms,
      Map<Long, List<String>> oldSlugs,
      List<WxrExportRepository.Comment> comments)
      throws XMLStreamException {
    boolean page = p.type().equals("page");
    Instant date = p.publishedAt() != null ? p.publishedAt() : p.createdAt();
    w.start("item");
    w.text("title", WordPressText.html(p.title()));
    w.text("link", base + link(p, zone));
    w.text("pubDate", rfc822(date));
    w.cdata("dc:creator", p.author());
    w.open("guid");
    w.attribute("isPermaLink", "false");
    w.close(base + "/?" + (page ? "page_id=" : "p=") + p.id());
    w.text("description", "");
    w.cdata("content:encoded", p.bodyHtml());
    w.cdata("excerpt:encoded", WordPressText.html(p.excerpt()));
    w.text("wp:post_id", Long.toString(p.id()));
    w.cdata("wp:post_date", WordPressText.format(date, zone));
    w.cdata("wp:post_date_gmt", WordPressText.format(p.publishedAt(), ZoneOffset.UTC));
    w.cdata("wp:post_modified", WordPressText.format(p.updatedAt(), zone));
    w.cdata("wp:post_modified_gmt", WordPressText.format(p.updatedAt(), ZoneOffset.UTC));
    w.cdata("wp:comment_status", p.commentsOpen() ? "open" : "closed");
    w.cdata("wp:ping_status", "closed");
    w.cdata("wp:post_name", p.slug());
    w.cdata("wp:status", status(p.status()));
    w.text("wp:post_parent", p.parentId() == null ? "0" : Long.toString(p.parentId()));
    w.text("wp:menu_order", "0");
    w.cdata("wp:post_type", p.type());
    w.cdata("wp:post_password", "");
    w.text("wp:is_sticky", "0");
    for (long id : termIds) {
      WxrExportRepository.Term t = terms.get(id);
      if (t != null) {
        w.category(
            t.taxonomy().equals("category") ? "category" : "post_tag",
            t.slug(),
            WordPressText.html(t.name()));
      }
    }
    meta(w, "wp:postmeta", ImportRun.MARKDOWN_META, p.bodyMarkdown());
    for (String old : oldSlugs.getOrDefault(p.id(), List.of())) {
      meta(w, "wp:postmeta", "_wp_old_slug", old);
    }
    if (p.status().equals("trash") && p.statusBeforeTrash() != null) {
      meta(w, "wp:postmeta", "_wp_trash_meta_status", status(p.statusBeforeTrash()));
    }
    for (WxrExportRepository.Comment c : comments) {
      comment(w, c, zone);
    }
    w.end();
  }

  private static void comment(WxrWriter w, WxrExportRepository.Comment c, ZoneId zone)
      throws XMLStreamException {
    w.start("wp:comment");
    w.text("wp:comment_id", Long.toString(c.id()));
    w.cdata("wp:comment_author", WordPressText.html(c.authorName()));
    w.cdata("wp:comment_author_email", c.authorEmail() == null ? "" : c.authorEmail());
    w.text("wp:comment_author_url", c.authorUrl() == null ? "" : c.authorUrl());
    w.text("wp:comment_author_IP", c.clientIp() == null ? "" : c.clientIp());
    w.cdata("wp:comment_date", WordPressText.format(c.createdAt(), zone));
    w.cdata("wp:comment_date_gmt", WordPressText.format(c.createdAt(), ZoneOffset.UTC));
    w.cdata("wp:comment_content", c.bodyHtml());
    w.cdata(
        "wp:comment_approved",
        switch (c.status()) {
          case "approved" -> "1";
          case "spam" -> "spam";
          case "trash" -> "trash";
          default -> "0";
        });
    w.cdata("wp:comment_type", "comment");
    w.text("wp:comment_parent", c.parentId() == null ? "0" : Long.toString(c.parentId()));
    w.text("wp:comment_user_id", c.userId() == null ? "0" : Long.toString(c.userId()));
    meta(w, "wp:commentmeta", ImportRun.SOURCE_META, c.bodySource());
    w.end();
  }

  private static void meta(WxrWriter w, String element, String key, String value)
      throws XMLStreamException {
    w.start(element);
    w.cdata("wp:meta_key", key);
    w.cdata("wp:meta_value", value);
    w.end();
  }

  private static String status(String status) {
    return switch (status) {
      case "published" -> "publish";
      case "scheduled" -> "future";
      case "trash" -> "trash";
      default -> "draft";
    };
  }

  /** The post's address on this blog (the same rule as {@code PostPaths}), for readers. */
  private static String link(WxrExportRepository.Post p, ZoneId zone) {
    String segment =
        java.net.URLEncoder.encode(p.slug(), java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
    if (p.type().equals("page")) {
      return "/" + segment + "/";
    }
    if (p.publishedAt() == null) {
      return "/?p=" + p.id();
    }
    var day = p.publishedAt().atZone(zone).toLocalDate();
    return String.format(
        "/%04d/%02d/%02d/%s/", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), segment);
  }

  private static String rfc822(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }
}
