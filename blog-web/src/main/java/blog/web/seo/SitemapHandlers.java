package blog.web.seo;

import blog.core.reading.BlogReader;
import blog.core.sitemap.SitemapPost;
import blog.core.sitemap.SitemapReader;
import blog.core.sitemap.SitemapTerm;
import blog.web.site.AbsoluteUrls;
import blog.web.site.ConditionalGet;
import blog.web.site.Permalinks;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /sitemap.xml} (sitemaps.org 0.9, written by the JDK's StAX writer, which escapes every
 * text) and {@code /robots.txt}. The sitemap lists the home page, every published post, and the
 * category, tag, monthly and yearly archives that hold one, each with the date of the newest change
 * among its posts.
 */
public final class SitemapHandlers {
  public static final String SITEMAP = "/sitemap.xml";
  public static final String ROBOTS = "/robots.txt";
  static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private final SitemapReader sitemap;
  private final BlogReader reader;
  private final AbsoluteUrls urls;
  private final ConditionalGet conditional;
  private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

  public SitemapHandlers(
      SitemapReader sitemap, BlogReader reader, AbsoluteUrls urls, ConditionalGet conditional) {
    this.sitemap = sitemap;
    this.reader = reader;
    this.urls = urls;
    this.conditional = conditional;
  }

  /** {@code GET /sitemap.xml} */
  public void sitemap(Context ctx) {
    ZoneId zone = reader.site().timeZone();
    SitemapReader.Content content = sitemap.read();
    Map<YearMonth, Instant> months = new TreeMap<>();
    Map<Year, Instant> years = new TreeMap<>();
    Instant newest = null;
    for (SitemapPost p : content.posts()) {
      YearMonth month = YearMonth.from(p.publishedAt().atZone(zone));
      months.merge(month, p.lastModified(), SitemapHandlers::later);
      years.merge(Year.of(month.getYear()), p.lastModified(), SitemapHandlers::later);
      newest = newest == null ? p.lastModified() : later(newest, p.lastModified());
    }
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = xml.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("urlset");
      w.writeDefaultNamespace(NAMESPACE);
      url(w, "/", newest);
      for (SitemapPost p : content.posts()) {
        url(
            w,
            blog.core.post.PostPaths.permalink(p.slug(), p.publishedAt(), zone),
            p.lastModified());
      }
      for (SitemapTerm t : content.terms()) {
        url(w, Permalinks.term(t.term()), t.lastModified());
      }
      for (Map.Entry<YearMonth, Instant> m : months.entrySet()) {
        url(w, Permalinks.month(m.getKey().getYear(), m.getKey().getMonthValue()), m.getValue());
      }
      for (Map.Entry<Year, Instant> y : years.entrySet()) {
        url(w, Permalinks.year(y.getKey().getValue()), y.getValue());
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the sitemap", e);
    }
    conditional.respond(ctx, "application/xml; charset=utf-8", out.toString());
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
