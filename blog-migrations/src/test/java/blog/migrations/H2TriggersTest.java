package blog.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2's trigger classes, through plain JDBC as the blog's repositories use it: the comment counts
 * and the content version follow each change in the changing statement's own transaction, in
 * auto-commit mode too, and stand aside while a session has {@code @BLOG_BULK_LOAD} set (the data
 * generator's contract, blog.core.generate.BulkRepository). Also times 20,000 comments written one
 * statement each, with the triggers and without, for the comment benchmark's sake (printed, not
 * asserted: the machine decides).
 */
class H2TriggersTest {
  private static final int COMMENTS = 20_000;
  private static final int WARM_UP = 4_000;

  /** CPU time of this thread: less at the mercy of other work on the machine than wall time. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private EmptyDatabase db;
  private Connection connection;
  private long post;

  @BeforeEach
  void migrate() throws SQLException {
    db = EmptyDatabase.create(EmptyDatabase.Kind.H2);
    Migrations.migrate(db.dataSource());
    connection = db.dataSource().getConnection();
    execute(
        "INSERT INTO users (username, display_name, role, created_at)"
            + " VALUES ('author', 'Author', 'author', CURRENT_TIMESTAMP)");
    post = insertPost("first");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
    db.close();
  }

  @Test
  void eachCommentIsCountedAndRaisesItsPostsVersion() throws SQLException {
    long before = version(postRow(post));
    long listing = version(ContentVersionRows.LISTING_ROW);
    insertComments(WARM_UP);
    long start = CPU.getCurrentThreadCpuTime();
    insertComments(COMMENTS);
    long withTriggers = CPU.getCurrentThreadCpuTime() - start;

    long all = WARM_UP + COMMENTS;
    Map<String, Long> counted = countedByStatus();
    assertEquals(Map.of("approved", all * 3 / 4, "pending", all / 4), counted);
    assertEquals(counted, countedFromRows());
    assertEquals(all * 3 / 4, approvedCountOf(post));
    assertTrue(version(postRow(post)) >= before + all, "each comment raised its post's row");
    assertEquals(listing, version(ContentVersionRows.LISTING_ROW), "and not the listing's");

    execute("SET @BLOG_BULK_LOAD = TRUE");
    start = CPU.getCurrentThreadCpuTime();
    insertComments(COMMENTS);
    long without = CPU.getCurrentThreadCpuTime() - start;
    execute("SET @BLOG_BULK_LOAD = NULL");
    System.out.printf(
        "H2TriggersTest: %,d comments one statement each, after %,d to warm up: %,d ms of CPU with"
            + " the triggers, %,d ms with them standing aside (%.1f µs of triggers a comment)%n",
        COMMENTS,
        WARM_UP,
        withTriggers / 1_000_000,
        without / 1_000_000,
        (withTriggers - without) / 1000.0 / COMMENTS);
  }

  @Test
  void underBulkLoadTheTriggersStandAsideAndAfterItTheyCountAgain() throws SQLException {
    Map<String, Long> counted = countedByStatus();
    long versions = allVersions();
    execute("SET @BLOG_BULK_LOAD = TRUE");
    insertComments(8);
    insertPost("bulk");
    execute("UPDATE comments SET status = 'spam' WHERE status = 'pending'");
    assertEquals(counted, countedByStatus(), "no count moved under bulk load");
    assertEquals(0, approvedCountOf(post));
    assertEquals(versions, allVersions(), "nor the content version");

    execute("SET @BLOG_BULK_LOAD = NULL");
    insertComments(4);
    assertEquals(Map.of("approved", 3L, "pending", 1L), countedByStatus());
    assertEquals(3, approvedCountOf(post));
    assertTrue(allVersions() > versions);
    execute("SET @BLOG_BULK_LOAD = FALSE");
    insertPost("after");
    assertTrue(
        version(ContentVersionRows.LISTING_ROW) > 0, "a post raises the listing row once more");
  }

  @Test
  void aStatementThatFailsPartWayLeavesNoCountOrVersionBehind() throws SQLException {
    insertComments(4);
    Map<String, Long> counted = countedByStatus();
    long versions = allVersions();
    // Auto-commit: the first two rows are written and counted before the third breaks a check.
    SQLException broken =
        assertThrows(
            SQLException.class,
            () ->
                execute(
                    ("INSERT INTO comments (post_id, author_name, body_source, body_html, status,"
                            + " created_at) VALUES"
                            + " (%1$d, 'A', 'a', 'a', 'approved', CURRENT_TIMESTAMP),"
                            + " (%1$d, 'B', 'b', 'b', 'pending', CURRENT_TIMESTAMP),"
                            + " (%1$d, 'C', 'c', 'c', 'no such status', CURRENT_TIMESTAMP)")
                        .formatted(post)));
    assertTrue(broken.getMessage().contains("COMMENTS_STATUS_CK"), broken.getMessage());
    assertEquals(counted, countedByStatus());
    assertEquals(3, approvedCountOf(post));
    assertEquals(versions, allVersions());
    assertEquals(4, count("SELECT COUNT(*) FROM comments"));
  }

  @Test
  void statementsInAutoCommitModeRaiseTheListingAndCommentersRows() throws SQLException {
    long listing = version(ContentVersionRows.LISTING_ROW);
    insertPost("second");
    execute("UPDATE posts SET title = 'Renamed' WHERE slug = 'second'");
    execute("INSERT INTO terms (taxonomy, slug, name) VALUES ('tag', 't', 'T')");
    assertTrue(version(ContentVersionRows.LISTING_ROW) >= listing + 3);

    long commenters = version(ContentVersionRows.COMMENTERS_ROW);
    execute(
        "INSERT INTO commenter_identities (provider, subject, display_name, created_at,"
            + " updated_at) VALUES ('p', 's', 'Someone', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    assertTrue(version(ContentVersionRows.COMMENTERS_ROW) > commenters);

    long settings = version(ContentVersionRows.LISTING_ROW);
    execute("INSERT INTO settings (name, setting_value) VALUES ('security.secret', 'x')");
    assertEquals(settings, version(ContentVersionRows.LISTING_ROW), "bookkeeping is not content");
    execute("INSERT INTO settings (name, setting_value) VALUES ('site.title', 'x')");
    assertTrue(version(ContentVersionRows.LISTING_ROW) > settings);
  }

  private void insertComments(int n) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO comments (post_id, author_name, body_source, body_html, status,"
                + " created_at) VALUES (?, ?, 'Hello', '<p>Hello</p>', ?, ?)")) {
      OffsetDateTime now = OffsetDateTime.now();
      for (int i = 0; i < n; i++) {
        insert.setLong(1, post);
        insert.setString(2, "Reader " + i);
        insert.setString(3, i % 4 == 3 ? "pending" : "approved");
        insert.setObject(4, now);
        insert.executeUpdate();
      }
    }
  }

  private long insertPost(String slug) throws SQLException {
    execute(
        "INSERT INTO posts (slug, title, body_markdown, body_html, status, author_id,"
            + " published_at, created_at, updated_at) SELECT '"
            + slug
            + "', 'T', '', '', 'published', id, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
            + " CURRENT_TIMESTAMP FROM users");
    return count("SELECT id FROM posts WHERE slug = '" + slug + "'");
  }

  private Map<String, Long> countedByStatus() throws SQLException {
    return grouped("SELECT status, SUM(n) FROM comment_status_counts GROUP BY status");
  }

  private Map<String, Long> countedFromRows() throws SQLException {
    return grouped("SELECT status, COUNT(*) FROM comments GROUP BY status");
  }

  private Map<String, Long> grouped(String sql) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        if (rs.getLong(2) != 0) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  private long approvedCountOf(long postId) throws SQLException {
    return count(
        "SELECT COALESCE(SUM(approved), 0) FROM post_comment_counts WHERE post_id = " + postId);
  }

  private long version(int row) throws SQLException {
    return count("SELECT version FROM content_version WHERE id = " + row);
  }

  private long allVersions() throws SQLException {
    return count("SELECT SUM(version) FROM content_version");
  }

  private static int postRow(long postId) {
    return 1 + Math.floorMod(postId, ContentVersionRows.POST_SLOTS);
  }

  private long count(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }
}
