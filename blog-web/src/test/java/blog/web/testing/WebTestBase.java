package blog.web.testing;

import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.testing.DbKind;
import blog.core.testing.EachDatabase;
import blog.core.testing.Fixtures;
import blog.core.testing.TestDatabase;
import blog.core.testing.TierDatabases;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a class of HTTP tests twice, on H2 and on PostgreSQL: a fresh migrated database (seeded by
 * the server's first start) and the real server in front of it, shared by the class's tests.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TierDatabases.class)
@Tag(EachDatabase.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebTestBase {
  @Parameter protected DbKind kind;
  protected TestDatabase db;
  protected TestServer server;
  protected Fixtures fixtures;

  @BeforeParameterizedClassInvocation
  void startServer(DbKind kind) {
    db = TestDatabase.create(kind);
    server = TestServer.start(db.database(), config(), clock());
    fixtures = new Fixtures(db.database().jdbi());
    prepare();
  }

  @AfterParameterizedClassInvocation
  void stopServer() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /** A post published an hour before the server's "now", by a fresh author; its permalink path. */
  protected String publishedPost(String titlePrefix) {
    return permalinkOf(publishedPostId(titlePrefix));
  }

  /** {@link #publishedPost}, answering the post's id. */
  protected long publishedPostId(String titlePrefix) {
    return fixtures.post(
        fixtures.author("Author of " + titlePrefix),
        Fixtures.unique(titlePrefix),
        PostStatus.PUBLISHED,
        TestServer.NOW.minusSeconds(3600));
  }

  /** The permalink path of a post, as readers' links have it. */
  protected String permalinkOf(long postId) {
    Post post = new PostRepository(db.database().jdbi()).findById(postId).orElseThrow();
    return PostPaths.permalink(post, ZoneOffset.UTC);
  }

  /** The server's clock: fixed at {@link TestServer#NOW} unless a test class needs to move it. */
  protected java.time.Clock clock() {
    return java.time.Clock.fixed(TestServer.NOW, ZoneOffset.UTC);
  }

  /** Extra configuration for the server, e.g. SMTP settings. */
  protected Map<String, String> config() {
    return Map.of();
  }

  /** Called once per database after the server is up. */
  protected void prepare() {}
}
