package blog.core.wxr;

import blog.core.comment.CommentRenderer;
import blog.core.db.Transactions;
import blog.core.site.SettingsRepository;
import blog.core.testing.TestDatabase;
import blog.core.text.MarkdownRenderer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The importer and exporter over a test database, the fixtures, and ways to look at the data. */
final class WxrKit {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String THEME_DATA = "theme-unit-test-data.xml";
  static final String SMALL_EXPORT = "small-export.xml";
  static final String VALID_1_1 = "valid-wxr-1.1.xml";

  /** The tables an import writes, each with an order that makes its dump deterministic. */
  static final Map<String, String> TABLES =
      Map.of(
          "users", "id",
          "posts", "id",
          "terms", "id",
          "post_terms", "post_id, term_id",
          "comments", "id",
          "slug_redirects", "old_slug",
          "wxr_posts", "site, wp_id",
          "wxr_comments", "site, wp_id");

  final TestDatabase db;
  final Jdbi jdbi;
  final WxrImporter importer;
  final WxrExporter exporter;

  WxrKit(TestDatabase db) {
    this(db, WxrLimits.DEFAULTS);
  }

  WxrKit(TestDatabase db, WxrLimits limits) {
    this.db = db;
    this.jdbi = db.database().jdbi();
    this.importer =
        new WxrImporter(
            new WxrImportRepository(jdbi),
            new MarkdownRenderer(),
            new CommentRenderer(),
            new SettingsRepository(jdbi),
            new Transactions(jdbi),
            Clock.fixed(NOW, ZoneOffset.UTC),
            limits);
    this.exporter =
        new WxrExporter(
            new WxrExportRepository(jdbi),
            new SettingsRepository(jdbi),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  byte[] export() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    exporter.export(out, "https://blog.example");
    return out.toByteArray();
  }

  static byte[] fixture(String name) {
    try (InputStream in = WxrKit.class.getResourceAsStream("/wxr/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ImportReport importBytes(byte[] bytes) {
    return importer.importFrom(new ByteArrayInputStream(bytes), bytes.length, ImportProgress.NONE);
  }

  ImportReport importText(String xml) {
    return importBytes(xml.getBytes(StandardCharsets.UTF_8));
  }

  ImportReport importFixture(String name) {
    return importBytes(fixture(name));
  }

  long count(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  String text(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }

  List<Map<String, Object>> rows(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapToMap().list());
  }

  /** Per table: its row count and a SHA-256 of every row's values in a fixed order. */
  Map<String, String> fingerprint() {
    Map<String, String> result = new LinkedHashMap<>();
    TABLES.keySet().stream()
        .sorted()
        .forEach(
            table -> {
              List<Map<String, Object>> rows =
                  rows("SELECT * FROM " + table + " ORDER BY " + TABLES.get(table));
              result.put(table, rows.size() + " rows, " + sha256(rows.toString()));
            });
    return result;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A minimal WXR document around {@code items} (and channel-level {@code head}). */
  static String wxr(String version, String head, String items) {
    String ns = "http://wordpress.org/export/" + version + "/";
    return """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="%sexcerpt/"
             xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="%s">
        <channel>
          <title>Test blog</title>
          <link>http://example.org</link>
          <wp:wxr_version>%s</wp:wxr_version>
          <wp:base_site_url>http://example.org</wp:base_site_url>
          <wp:base_blog_url>http://example.org</wp:base_blog_url>
          %s
          %s
        </channel>
        </rss>
        """
        .formatted(ns, ns, version, head, items);
  }

  /** A published post item with the given id, slug and extra elements. */
  static String item(long id, String slug, String title, String extra) {
    return """
        <item>
          <title>%s</title>
          <link>http://example.org/?p=%d</link>
          <dc:creator><![CDATA[admin]]></dc:creator>
          <content:encoded><![CDATA[Text of %s.]]></content:encoded>
          <excerpt:encoded><![CDATA[]]></excerpt:encoded>
          <wp:post_id>%d</wp:post_id>
          <wp:post_date>2020-05-01 10:00:00</wp:post_date>
          <wp:post_date_gmt>2020-05-01 08:00:00</wp:post_date_gmt>
          <wp:comment_status>open</wp:comment_status>
          <wp:post_name>%s</wp:post_name>
          <wp:status>publish</wp:status>
          <wp:post_parent>0</wp:post_parent>
          <wp:post_type>post</wp:post_type>
          <wp:post_password></wp:post_password>
          %s
        </item>
        """
        .formatted(title, id, title, id, slug, extra);
  }
}
