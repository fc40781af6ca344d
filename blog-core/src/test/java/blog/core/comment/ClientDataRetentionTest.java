package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clearing commenters' IP addresses and user agents after the retention, on H2 and PostgreSQL. */
class ClientDataRetentionTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private CommentRepository comments;
  private SettingsRepository settings;
  private Fixtures fixtures;
  private long post;

  @Override
  protected void prepare() {
    comments = new CommentRepository(db.database().jdbi());
    settings = new SettingsRepository(db.database().jdbi());
    fixtures = new Fixtures(db.database().jdbi());
    post =
        fixtures.post(
            fixtures.author("Keeper"), "Retained", PostStatus.PUBLISHED, NOW.minus(days(3650)));
  }

  @Test
  void byDefaultCommentsOlderThanNinetyDaysLoseTheirIpAndUserAgentAndNewerOnesKeepThem() {
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "DELETE FROM settings WHERE name = ?", DiscussionSettings.IP_RETENTION_DAYS));
    long old = commentAt(NOW.minus(days(91)));
    long justOld = commentAt(NOW.minus(days(90)).minusSeconds(1));
    long atCutoff = commentAt(NOW.minus(days(90)));
    long recent = commentAt(NOW.minus(days(89)));
    ClientDataRetention retention = retention(new MutableClock(NOW));

    int cleared = retention.purge();

    assertCleared(old);
    assertCleared(justOld);
    assertKept(atCutoff);
    assertKept(recent);
    assertTrue(cleared >= 2, "at least this test's two old comments: " + cleared);
    assertEquals(0, retention.purge(), "a second run finds nothing left to clear");
  }

  @Test
  void commentsFarApartInIdsAreClearedWindowByWindow() {
    retentionDays("30");
    long first = commentAt(NOW.minus(days(40)));
    // Ids several statement windows further on, as after an import or many deletions.
    long far = first + 3L * CommentRepository.CLEARING_WINDOW + 17;
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO comments (id, post_id, author_name, body_source, body_html,"
                        + " status, created_at, client_ip, user_agent)"
                        + " VALUES (?, ?, 'Far', 'far', '<p>far</p>', 'approved', ?, '192.0.2.9',"
                        + " 'agent')",
                    far,
                    post,
                    OffsetDateTime.ofInstant(NOW.minus(days(35)), ZoneOffset.UTC)));
    long last = commentAt(NOW.minus(days(31)));

    int cleared = retention(new MutableClock(NOW)).purge();

    assertCleared(first);
    assertCleared(far);
    assertCleared(last);
    assertTrue(cleared >= 3, "cleared " + cleared);
  }

  @Test
  void onlyClientDataIsCleared() {
    retentionDays("30");
    long id = commentAt(NOW.minus(days(31)));
    Comment before = comments.findById(id).orElseThrow();

    retention(new MutableClock(NOW)).purge();

    Comment after = comments.findById(id).orElseThrow();
    assertNull(after.clientIp());
    assertNull(after.userAgent());
    assertEquals(before.authorName(), after.authorName());
    assertEquals(before.bodySource(), after.bodySource());
    assertEquals(before.bodyHtml(), after.bodyHtml());
    assertEquals(before.status(), after.status());
    assertEquals(before.createdAt(), after.createdAt());
  }

  @Test
  void theCutoffFollowsTheClockAndTheSetting() {
    retentionDays("7");
    long eightDays = commentAt(NOW.minus(days(8)));
    long sixDays = commentAt(NOW.minus(days(6)));
    MutableClock clock = new MutableClock(NOW);
    ClientDataRetention retention = retention(clock);

    retention.purge();
    assertCleared(eightDays);
    assertKept(sixDays);

    clock.advance(days(2));
    retention.purge();
    assertCleared(sixDays);
  }

  @Test
  void zeroKeepsClientDataForever() {
    retentionDays("0");
    long ancient = commentAt(NOW.minus(days(3000)));

    assertEquals(0, retention(new MutableClock(NOW)).purge());

    assertKept(ancient);
  }

  @Test
  void retentionDaysAreReadWithTheOtherDiscussionSettings() {
    assertEquals(90, DiscussionSettings.from(Map.of()).ipRetentionDays());
    assertEquals(0, storedDays("0"));
    assertEquals(365, storedDays(" 365 "));
    assertEquals(90, storedDays("-1"), "unusable values fall back to the default");
    assertEquals(90, storedDays("forever"));
  }

  private static int storedDays(String value) {
    return DiscussionSettings.from(Map.of(DiscussionSettings.IP_RETENTION_DAYS, value))
        .ipRetentionDays();
  }

  private ClientDataRetention retention(MutableClock clock) {
    return new ClientDataRetention(comments, settings, clock);
  }

  private void retentionDays(String value) {
    settings.putAll(Map.of(DiscussionSettings.IP_RETENTION_DAYS, value));
  }

  private long commentAt(Instant at) {
    return fixtures.comment(post, null, "Visitor", Fixtures.unique("Words"), at);
  }

  private void assertCleared(long id) {
    Comment c = comments.findById(id).orElseThrow();
    assertNull(c.clientIp(), "IP of comment " + id);
    assertNull(c.userAgent(), "user agent of comment " + id);
  }

  private void assertKept(long id) {
    Comment c = comments.findById(id).orElseThrow();
    assertEquals("127.0.0.1", c.clientIp(), "IP of comment " + id);
    assertEquals("test", c.userAgent(), "user agent of comment " + id);
  }

  private static Duration days(long n) {
    return Duration.ofDays(n);
  }
}
