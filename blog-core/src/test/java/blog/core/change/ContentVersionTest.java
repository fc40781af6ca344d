package blog.core.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.db.Database;
import blog.core.db.Transactions;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.DbKind;
import blog.core.testing.Fixtures;
import blog.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The content version moves with every change a reader could see, in the changing transaction, and
 * a second instance on the same database notices within the promised bound.
 */
class ContentVersionTest extends DatabaseTestBase {
  private ContentVersionRepository versions;
  private Fixtures fixtures;
  private SettingsRepository settings;
  private long author;

  @Override
  protected void prepare() {
    versions = new ContentVersionRepository(db.database().jdbi());
    fixtures = new Fixtures(db.database().jdbi());
    settings = new SettingsRepository(db.database().jdbi());
    author = fixtures.author("Versioned");
  }

  @Test
  void aNewPostACommentAndAnApprovalEachRaiseTheVersion() {
    long before = versions.read();
    long post =
        fixtures.post(author, Fixtures.unique("Raise"), PostStatus.PUBLISHED, Instant.now());
    long afterPost = versions.read();
    assertTrue(afterPost > before, "a post raises it");
    long comment = fixtures.comment(post, null, "Reader", "Hello", Instant.now());
    long afterComment = versions.read();
    assertTrue(afterComment > afterPost, "a comment raises it");
    fixtures.approve(comment);
    assertTrue(versions.read() > afterComment, "an approval raises it");
  }

  @Test
  void commentsLeaveTheListingVersionAlonePostsAndSettingsRaiseIt() {
    long post = fixtures.post(author, Fixtures.unique("List"), PostStatus.PUBLISHED, Instant.now());
    ContentVersions before = versions.readAll();
    long comment = fixtures.comment(post, null, "Reader", "Not a listing change", Instant.now());
    fixtures.approve(comment);
    ContentVersions afterComments = versions.readAll();
    assertTrue(afterComments.all() >= before.all() + 2, "each comment change raises the version");
    assertEquals(before.listing(), afterComments.listing(), "but not the listing version");

    fixtures.post(author, Fixtures.unique("Listed"), PostStatus.PUBLISHED, Instant.now());
    ContentVersions afterPost = versions.readAll();
    assertTrue(afterPost.listing() > afterComments.listing(), "a post is a listing change");
    assertTrue(afterPost.all() > afterComments.all(), "and a change");
    settings.putAll(Map.of("site.title", Fixtures.unique("Title")));
    assertTrue(versions.readAll().listing() > afterPost.listing(), "so is a setting");
  }

  @Test
  void aCommentRaisesItsOwnPostsVersionAndNoOtherPosts() {
    long here = fixtures.post(author, Fixtures.unique("Here"), PostStatus.PUBLISHED, Instant.now());
    long there =
        fixtures.post(author, Fixtures.unique("There"), PostStatus.PUBLISHED, Instant.now());
    assertTrue(ContentVersions.postSlot(here) != ContentVersions.postSlot(there));
    ContentVersions before = versions.readAll();

    long comment = fixtures.comment(here, null, "Reader", "Only here", Instant.now());
    ContentVersions afterComment = versions.readAll();
    assertTrue(afterComment.forPost(here) > before.forPost(here), "its post's page changed");
    assertEquals(before.forPost(there), afterComment.forPost(there), "the other post's did not");
    assertEquals(before.listing(), afterComment.listing());
    assertTrue(afterComment.all() > before.all(), "and the blog as a whole changed");

    fixtures.approve(comment);
    ContentVersions afterApproval = versions.readAll();
    assertTrue(afterApproval.forPost(here) > afterComment.forPost(here), "an approval too");
    assertEquals(before.forPost(there), afterApproval.forPost(there));

    // A comment moved to another post (by hand: the blog never does) changes both pages.
    update("UPDATE comments SET post_id = " + there + " WHERE id = " + comment);
    ContentVersions afterMove = versions.readAll();
    assertTrue(afterMove.forPost(here) > afterApproval.forPost(here), "it left this page");
    assertTrue(afterMove.forPost(there) > afterApproval.forPost(there), "and came to that one");

    update("DELETE FROM comments WHERE id = " + comment);
    ContentVersions afterDelete = versions.readAll();
    assertTrue(afterDelete.forPost(there) > afterMove.forPost(there), "a deletion too");
    assertEquals(afterMove.forPost(here), afterDelete.forPost(here));
  }

  @Test
  void aChangedCommenterOrPostRaisesEveryPostsVersion() {
    long one = fixtures.post(author, Fixtures.unique("One"), PostStatus.PUBLISHED, Instant.now());
    long two = fixtures.post(author, Fixtures.unique("Two"), PostStatus.PUBLISHED, Instant.now());
    ContentVersions before = versions.readAll();
    addCommenter();
    ContentVersions afterCommenter = versions.readAll();
    assertTrue(afterCommenter.forPost(one) > before.forPost(one), "any post may show them");
    assertTrue(afterCommenter.forPost(two) > before.forPost(two));
    assertEquals(before.listing(), afterCommenter.listing(), "the listing shows no commenter");

    fixtures.post(author, Fixtures.unique("Three"), PostStatus.PUBLISHED, Instant.now());
    ContentVersions afterPost = versions.readAll();
    assertTrue(
        afterPost.forPost(one) > afterCommenter.forPost(one), "a new post is in the sidebar");
    assertTrue(afterPost.forPost(two) > afterCommenter.forPost(two));
  }

  @Test
  void aListingsVersionMovesWithItsPostsCommentsAndTheListingOnly() {
    long shown =
        fixtures.post(author, Fixtures.unique("Shown"), PostStatus.PUBLISHED, Instant.now());
    long other =
        fixtures.post(author, Fixtures.unique("Other"), PostStatus.PUBLISHED, Instant.now());
    assertTrue(ContentVersions.postSlot(shown) != ContentVersions.postSlot(other));
    long slots = ContentVersions.slotsOf(List.of(shown));
    assertEquals(1L << (ContentVersions.postSlot(shown) - 1), slots);
    ContentVersions before = versions.readAll();

    fixtures.approve(fixtures.comment(other, null, "Reader", "Elsewhere", Instant.now()));
    ContentVersions afterOther = versions.readAll();
    assertEquals(before.forListing(slots), afterOther.forListing(slots), "not a post it shows");
    assertTrue(
        afterOther.forListing(ContentVersions.slotsOf(List.of(shown, other)))
            > before.forListing(ContentVersions.slotsOf(List.of(shown, other))),
        "one listing both");

    addCommenter();
    ContentVersions afterCommenter = versions.readAll();
    assertEquals(afterOther.forListing(slots), afterCommenter.forListing(slots), "nor commenters");

    long comment = fixtures.comment(shown, null, "Reader", "Counted", Instant.now());
    ContentVersions afterComment = versions.readAll();
    assertTrue(afterComment.forListing(slots) > afterCommenter.forListing(slots), "its count");
    fixtures.approve(comment);
    ContentVersions afterApproval = versions.readAll();
    assertTrue(afterApproval.forListing(slots) > afterComment.forListing(slots), "approved");

    fixtures.post(author, Fixtures.unique("Newer"), PostStatus.PUBLISHED, Instant.now());
    ContentVersions afterPost = versions.readAll();
    assertTrue(afterPost.forListing(slots) > afterApproval.forListing(slots), "and the listing");
    assertTrue(afterPost.forListing(0) > afterApproval.forListing(0), "even with no post shown");
    assertEquals(afterPost.listing(), afterPost.forListing(0));
  }

  /** A new commenter identity, as a third-party sign-in makes one. */
  private void addCommenter() {
    update(
        "INSERT INTO commenter_identities (provider, subject, display_name, created_at,"
            + " updated_at) VALUES ('test', '"
            + Fixtures.unique("subject")
            + "', 'Someone', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
  }

  private void update(String sql) {
    db.database().jdbi().useHandle(h -> h.execute(sql));
  }

  @Test
  void aChangedSettingRaisesItButBookkeepingDoesNot() {
    long before = versions.read();
    settings.putAll(Map.of("notify.new-posts.announced-until", Instant.now().toString()));
    settings.putIfAbsent("security.signing-secret", "00");
    assertEquals(before, versions.read(), "watermarks and secrets are not content");
    settings.putAll(Map.of("site.tagline", Fixtures.unique("Tagline")));
    assertTrue(versions.read() > before);
  }

  @Test
  void aTransactionThatRollsBackLeavesItAlone() {
    long before = versions.read();
    Transactions transactions = new Transactions(db.database().jdbi());
    assertThrows(
        IllegalStateException.class,
        () ->
            transactions.inTransaction(
                () -> {
                  fixtures.post(
                      author, Fixtures.unique("Undone"), PostStatus.PUBLISHED, Instant.now());
                  throw new IllegalStateException("changed my mind");
                }));
    assertEquals(before, versions.read());
  }

  @Test
  void oneTransactionRaisesItOnceHoweverManyRowsItChanges() {
    if (kind != DbKind.POSTGRES) {
      return; // H2's trigger raises per row; only PostgreSQL promises one step per commit.
    }
    long post = fixtures.post(author, Fixtures.unique("Bulk"), PostStatus.PUBLISHED, Instant.now());
    long before = versions.read();
    new Transactions(db.database().jdbi())
        .inTransaction(
            () -> {
              for (int i = 0; i < 5; i++) {
                fixtures.comment(post, null, "Reader " + i, "Bulk " + i, Instant.now());
              }
              return null;
            });
    assertEquals(before + 1, versions.read());
  }

  @Test
  void aWriteFromASessionWithAnotherSearchPathRaisesItToo() throws Exception {
    if (kind != DbKind.POSTGRES) {
      return;
    }
    String schema = TestDatabase.PG_SCHEMA;
    long before = versions.read();
    // As an operator's psql would: connected to the database, the blog's schema not on the path.
    try (Connection psql = db.operatorConnection();
        Statement s = psql.createStatement()) {
      s.execute(
          "UPDATE "
              + schema
              + ".settings SET setting_value = 'Edited by hand' WHERE name = 'site.title'");
      s.execute(
          "INSERT INTO "
              + schema
              + ".settings (name, setting_value) VALUES ('site.note', 'by hand')");
    }
    assertTrue(versions.read() > before);
  }

  /** Two instances are two pools on one database, each polling as a running blog does. */
  @Test
  void anotherInstanceNoticesAChangeWithinASecond() throws Exception {
    try (Database second = Database.open(db.settings());
        PolledContentVersion onA = PolledContentVersion.start(versions, Duration.ofMillis(250));
        PolledContentVersion onB =
            PolledContentVersion.start(
                new ContentVersionRepository(second.jdbi()), Duration.ofMillis(250))) {
      assertTrue(onB.maxStaleness().compareTo(Duration.ofSeconds(1)) < 0);
      BlockingQueue<Long> seenOnB = new ArrayBlockingQueue<>(16);
      onB.onChange(seenOnB::add);
      long before = onB.current();

      long post =
          fixtures.post(author, Fixtures.unique("Elsewhere"), PostStatus.PUBLISHED, Instant.now());
      long committed = versions.read();
      long start = System.nanoTime();
      Long noticed = seenOnB.poll(1, TimeUnit.SECONDS);
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;

      assertTrue(noticed != null && noticed >= committed, "B noticed within 1 s: " + noticed);
      assertTrue(waitedMillis < 1000, "took " + waitedMillis + " ms");
      assertTrue(onB.current() > before);
      assertTrue(post > 0);
      assertEquals(onA.read(), onB.read(), "both read the same row");
    }
  }
}
