package blog.web.seo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRenderer;
import blog.core.generate.BulkRepository;
import blog.core.generate.DataGenerator;
import blog.core.identity.UserRepository;
import blog.core.sitemap.SitemapReader;
import blog.core.text.MarkdownRenderer;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import blog.web.testing.Xml;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A blog with more posts than one sitemap file holds answers {@code /sitemap.xml} with a sitemap
 * index; its files together list every visible post once, and the archives file the rest.
 */
class SitemapIndexTest extends WebTestBase {
  private static final String BASE = "https://big.example";
  private static final String NS = SeoTest.SITEMAP_NS;

  @Override
  protected Map<String, String> config() {
    return Map.of("base-url", BASE);
  }

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    new DataGenerator(
            new BulkRepository(jdbi),
            new UserRepository(jdbi),
            new MarkdownRenderer(),
            new CommentRenderer())
        .generate(SitemapReader.POSTS_PER_FILE + 150, 0, 683, TestServer.NOW, (w, d, t) -> {});
  }

  private long visiblePosts() {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM posts WHERE status = 'published' AND post_type ="
                            + " 'post'")
                    .mapTo(Long.class)
                    .one());
  }

  private Element document(String path, String root) {
    HttpResponse<String> response = server.get(path);
    assertEquals(200, response.statusCode(), path);
    assertTrue(
        response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
    Element element = Xml.parse(response.body()).getDocumentElement();
    assertEquals(NS, element.getNamespaceURI());
    assertEquals(root, element.getLocalName(), path);
    return element;
  }

  private static List<String> locs(Element parent, String child) {
    List<String> locs = new ArrayList<>();
    for (Element e : Xml.children(parent, NS, child)) {
      locs.add(Xml.text(e, NS, "loc"));
    }
    return locs;
  }

  @Test
  void theIndexNamesFilesThatListEveryPostOnce() {
    List<String> files = locs(document("/sitemap.xml", "sitemapindex"), "sitemap");
    assertEquals(
        List.of(
            BASE + "/sitemap-archives.xml",
            BASE + "/sitemap-posts-1.xml",
            BASE + "/sitemap-posts-2.xml"),
        files);

    List<String> posts = new ArrayList<>();
    for (String file : files.subList(1, files.size())) {
      List<String> listed = locs(document(file.substring(BASE.length()), "urlset"), "url");
      assertTrue(listed.size() <= SitemapReader.POSTS_PER_FILE, file);
      posts.addAll(listed);
    }
    assertEquals(
        SitemapReader.POSTS_PER_FILE,
        locs(document(files.get(1).substring(BASE.length()), "urlset"), "url").size());
    Set<String> distinct = new HashSet<>(posts);
    assertEquals(posts.size(), distinct.size(), "no post twice");
    assertEquals(visiblePosts(), posts.size(), "every visible post");
    for (String loc : posts) {
      assertTrue(loc.matches("\\Q" + BASE + "\\E/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/"), loc);
    }
    // The newest post opens the first file, as on the home page.
    String newest = server.page("/").split("class=\"entry-title\"", 2)[1];
    assertTrue(newest.contains(posts.get(0).substring(BASE.length())), posts.get(0));

    List<String> archives = locs(document("/sitemap-archives.xml", "urlset"), "url");
    assertTrue(archives.contains(BASE + "/"));
    assertTrue(archives.contains(BASE + "/category/community/"), archives.toString());
    assertTrue(archives.stream().anyMatch(a -> a.matches(".*/\\d{4}/\\d{2}/")));
    assertTrue(archives.stream().anyMatch(a -> a.matches(".*/\\d{4}/\\d{2}/\\d{2}/")), "days");
    // Posts are in the posts' files only: no permalink (a day's archive and a slug) here.
    assertTrue(archives.stream().noneMatch(a -> a.matches(".*/\\d{4}/\\d{2}/\\d{2}/[^/]+/")));

    for (String missing :
        List.of("/sitemap-posts-3.xml", "/sitemap-posts-0.xml", "/sitemap-posts-x.xml")) {
      assertEquals(404, server.get(missing).statusCode(), missing);
    }
  }
}
