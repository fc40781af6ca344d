package blog.web.seo;

import blog.core.NotFoundException;
import blog.core.post.ListingKey;
import blog.core.post.PostPaths;
import blog.core.reading.BlogReader;
import blog.core.sitemap.PostDates;
import blog.core.sitemap.SitemapAuthor;
import blog.core.sitemap.SitemapPost;
import blog.core.sitemap.SitemapReader;
import blog.core.sitemap.SitemapTerm;
import blog.web.site.AbsoluteUrls;
import blog.web.site.ConditionalGet;
import blog.web.site.PathParams;
import blog.web.site.Permalinks;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /sitemap.xml} (sitemaps.org 0.9, written by the JDK's StAX writer, which escapes every
 * text) and {@code /robots.txt}. The sitemap lists the home page, every published post, and the
 * category, tag, author, daily, monthly and yearly archives that hold one, each with the date of
 * the newest change among its posts. When the posts do not fit in one file, {@code /sitemap.xml} is
 * a sitemap index naming {@code /sitemap-posts-N.xml} (newest posts first, {@link
 * SitemapReader#POSTS_PER_FILE} to a file) and {@code /sitemap-archives.xml} (everything else).
 */
public final class SitemapHandlers {
  public static final String SITEMAP = "/sitemap.xml";
  public static final String POSTS = "/sitemap-posts-{page}.xml";
  public static final String ARCHIVES = "/sitemap-archives.xml";
  public static final String ROBOTS = "/robots.txt";
  static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XML = "application/xml; charset=utf-8";

  private final SitemapReader sitemap;
  private final Supplier<List<ListingKey>> fileStarts;
  private final BlogReader reader;
  private final AbsoluteUrls urls;
  private final ConditionalGet conditional;
  private final XMLOutputFactory xml = XMLOutputFactory.newFactory();
  private final Supplier<String> archivesFile;

  /**
   * @param fileStarts {@link SitemapReader#fileStarts}, kept per listing version
   * @param keep keeps what it is given per listing version (the archives file reads every post)
   */
  public SitemapHandlers(
      SitemapReader sitemap,
      Supplier<List<ListingKey>> fileStarts,
      UnaryOperator<Supplier<String>> keep,
      BlogReader reader,
      AbsoluteUrls urls,
      ConditionalGet conditional) {
    this.sitemap = sitemap;
    this.fileStarts = fileStarts;
    this.reader = reader;
    this.urls = urls;
    this.conditional = conditional;
    this.archivesFile =
        keep.apply(
            () -> {
              SitemapReader.Archives content = sitemap.archives();
              ZoneId zone = reader.site().timeZone();
              return document("urlset", w -> archives(w, content, zone));
            });
  }

  private interface Body {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  /** {@code GET /sitemap.xml}: every address in one file, or the index of the files. */
  public void sitemap(Context ctx) {
    // The kept file starts tell a big blog at once, without reading a file's worth of posts.
    List<ListingKey> starts = fileStarts.get();
    Optional<SitemapReader.Content> whole = starts.size() > 1 ? Optional.empty() : sitemap.whole();
    if (whole.isPresent()) {
      ZoneId zone = reader.site().timeZone();
      respond(
          ctx,
          "urlset",
          w -> {
            archives(w, whole.get().archives(), zone);
            posts(w, whole.get().posts(), zone);
          });
      return;
    }
    int files = starts.size();
    respond(
        ctx,
        "sitemapindex",
        w -> {
          sitemap(w, ARCHIVES);
          for (int n = 1; n <= files; n++) {
            sitemap(w, POSTS.replace("{page}", Integer.toString(n)));
          }
        });
  }

  /** {@code GET /sitemap-posts-N.xml}: the N-th file of posts, newest first. */
  public void posts(Context ctx) {
    List<ListingKey> starts = fileStarts.get();
    int n = PathParams.number(ctx.pathParam("page"), "sitemap file");
    if (n < 1 || n > starts.size()) {
      throw new NotFoundException("sitemap file " + n);
    }
    List<SitemapPost> posts = sitemap.postsFrom(starts.get(n - 1));
    ZoneId zone = reader.site().timeZone();
    respond(ctx, "urlset", w -> posts(w, posts, zone));
  }

  /** {@code GET /sitemap-archives.xml}: the home page, pages, terms and dated archives. */
  public void archives(Context ctx) {
    conditional.respond(ctx, XML, archivesFile.get());
  }

  private void respond(Context ctx, String root, Body body) {
    conditional.respond(ctx, XML, document(root, body));
  }

  private String document(String root, Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = xml.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement(root);
      w.writeDefaultNamespace(NAMESPACE);
      body.write(w);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the sitemap", e);
    }
    return out.toString();
  }

  private void posts(XMLStreamWriter w, List<SitemapPost> posts, ZoneId zone)
      throws XMLStreamException {
    for (SitemapPost p : posts) {
      url(w, PostPaths.permalink(p.slug(), p.publishedAt(), zone), p.lastModified());
    }
  }

  /**
   * The home page, pages, terms, authors, and the days, months and years that hold {@code
   * content}'s posts.
   */
  private void archives(XMLStreamWriter w, SitemapReader.Archives content, ZoneId zone)
      throws XMLStreamException {
    Map<LocalDate, Instant> days = new TreeMap<>();
    Map<YearMonth, Instant> months = new TreeMap<>();
    Map<Year, Instant> years = new TreeMap<>();
    Instant newest = null;
    for (PostDates p : content.posts()) {
      LocalDate day = p.publishedAt().atZone(zone).toLocalDate();
      days.merge(day, p.lastModified(), SitemapHandlers::later);
      YearMonth month = YearMonth.from(day);
      months.merge(month, p.lastModified(), SitemapHandlers::later);
      years.merge(Year.of(month.getYear()), p.lastModified(), SitemapHandlers::later);
      newest = newest == null ? p.lastModified() : later(newest, p.lastModified());
    }
    url(w, "/", newest);
    for (SitemapPost p : content.pages()) {
      url(w, "/" + PostPaths.segment(p.slug()) + "/", p.lastModified());
    }
    for (SitemapTerm t : content.terms()) {
      url(w, Permalinks.term(t.term()), t.lastModified());
    }
    for (SitemapAuthor a : content.authors()) {
      url(w, Permalinks.author(a.slug()), a.lastModified());
    }
    for (Map.Entry<LocalDate, Instant> d : days.entrySet()) {
      url(w, Permalinks.day(d.getKey()), d.getValue());
    }
    for (Map.Entry<YearMonth, Instant> m : months.entrySet()) {
      url(w, Permalinks.month(m.getKey().getYear(), m.getKey().getMonthValue()), m.getValue());
    }
    for (Map.Entry<Year, Instant> y : years.entrySet()) {
      url(w, Permalinks.year(y.getKey().getValue()), y.getValue());
    }
  }

  private void sitemap(XMLStreamWriter w, String path) throws XMLStreamException {
    w.writeStartElement("sitemap");
    w.writeStartElement("loc");
    w.writeCharacters(urls.of(path));
    w.writeEndElement();
    w.writeEndElement();
  }

  /** {@code GET /robots.txt}: everything may be crawled but the admin; where the sitemap is. */
  public void robots(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8")
        .result(
            "User-agent: *\n"
                + "Disallow: /admin\n"
                + "Allow: /\n"
                + "\n"
                + "Sitemap: "
                + urls.of(SITEMAP)
                + "\n");
  }

  private void url(XMLStreamWriter w, String path, Instant lastModified) throws XMLStreamException {
    w.writeStartElement("url");
    w.writeStartElement("loc");
    w.writeCharacters(urls.of(path));
    w.writeEndElement();
    if (lastModified != null) {
      w.writeStartElement("lastmod");
      w.writeCharacters(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
              lastModified.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
