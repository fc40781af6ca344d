package blog.core.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.Comment;
import blog.core.comment.CommentPages;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.CommentThreads;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.ThreadKey;
import blog.core.comment.ThreadedComment;
import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.RecordedSql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A long discussion paged at the database (a browser with no held comments) or through its outline
 * (one with some) shows exactly what threading and paging every comment shows: the same threads,
 * nesting, depths, page numbers and later pages, for every page, every order and every comment
 * asked for, with orphaned replies, the browser's own held comments, equal times and replies older
 * than their parents.
 */
class CommentPagingTest extends DatabaseTestBase {
  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

  private CommentRepository comments;
  private long post;
  private final List<Long> approved = new ArrayList<>();
  private final List<Long> pending = new ArrayList<>();
  private final List<Long> hidden = new ArrayList<>();

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    comments = new CommentRepository(jdbi);
    Fixtures f = new Fixtures(jdbi);
    long author = f.author("Ada");
    post = f.post(author, "Busy", PostStatus.PUBLISHED, START);
    long other = f.post(author, "Elsewhere", PostStatus.PUBLISHED, START);
    f.comment(other, null, "Eve", "On another post", START.plusSeconds(5));
    Random random = new Random(683);
    List<Long> all = new ArrayList<>();
    // More than 500 threads, so even with paging off there are two pages.
    for (int i = 0; i < 1_200; i++) {
      Long parent = all.isEmpty() || random.nextInt(100) < 60 ? null : pick(all, random);
      // Some share a second; some replies are older than what they answer (imports do that).
      long second = random.nextInt(100) < 10 ? i / 2 : i * 2L - random.nextInt(2);
      Instant at = START.plusSeconds(random.nextInt(100) < 5 ? second - 400 : second);
      int roll = random.nextInt(100);
      CommentStatus status =
          roll < 75
              ? CommentStatus.APPROVED
              : roll < 88
                  ? CommentStatus.PENDING
                  : roll < 94 ? CommentStatus.SPAM : CommentStatus.TRASH;
      long id = f.comment(post, parent, "Reader " + i, "Comment " + i, at, status);
      all.add(id);
      (status == CommentStatus.APPROVED
              ? approved
              : status == CommentStatus.PENDING ? pending : hidden)
          .add(id);
    }
  }

  private static long pick(List<Long> ids, Random random) {
    return ids.get(random.nextInt(ids.size()));
  }

  /** The browser's own comments: some held, one approved, one spam and one of no comment. */
  private Set<Long> own() {
    Set<Long> own = new HashSet<>(pending.subList(0, 20));
    own.addAll(noneHeld());
    return own;
  }

  /** A browser's own comments of which none is held (one approved, one spam, one of none). */
  private Set<Long> noneHeld() {
    return Set.of(approved.get(3), hidden.get(0), Long.MAX_VALUE);
  }

  /** The same threads on the same page, and the same said of the pages around it. */
  private static void assertSamePage(
      CommentPages.Page expected, CommentPages.Page actual, String message) {
    assertEquals(expected.threads(), actual.threads(), message);
    assertEquals(expected.page(), actual.page(), message);
    assertEquals(
        expected.page() < expected.totalPages(),
        actual.page() < actual.totalPages(),
        message + ": a later page follows");
    assertEquals(
        expected.page() > expected.totalPages(),
        actual.page() > actual.totalPages(),
        message + ": no such page");
  }

  private static List<DiscussionSettings> settings() {
    return List.of(
        DiscussionSettings.from(Map.of()),
        DiscussionSettings.from(Map.of(DiscussionSettings.COMMENTS_ORDER, "newest")),
        DiscussionSettings.from(
            Map.of(
                DiscussionSettings.PAGE_COMMENTS, "true",
                DiscussionSettings.COMMENTS_PER_PAGE, "37")),
        DiscussionSettings.from(
            Map.of(
                DiscussionSettings.PAGE_COMMENTS, "true",
                DiscussionSettings.COMMENTS_PER_PAGE, "37",
                DiscussionSettings.COMMENTS_ORDER, "newest")));
  }

  /** Every comment read and threaded in memory: what the outline must reproduce. */
  private List<ThreadedComment> everything(Set<Long> own) {
    List<Comment> shown = new ArrayList<>(comments.listApproved(post));
    shown.addAll(comments.listPendingAmong(post, own));
    shown.sort(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id));
    return CommentThreads.build(shown);
  }

  private int approvedCount() {
    return comments.approvedCounts(Set.of(post)).get(post);
  }

  /** No starts kept: later pages skip to where they start. */
  private static final ThreadStarts SKIPPING = (postId, newestFirst, page) -> null;

  /** Starts kept per order and extended as pages are asked for, as the web layer keeps them. */
  private static ThreadStarts kept(CommentPaging paging, DiscussionSettings s) {
    Map<Boolean, KeyedPages<ThreadKey>> kept = new HashMap<>();
    return (postId, newestFirst, page) ->
        kept.compute(
            newestFirst, (order, known) -> paging.threadPages(postId, newestFirst, s, known, page));
  }

  @Test
  void everyPageReadFromKeptStartsIsThePageOfEverything() {
    CommentPaging paging = new CommentPaging(comments, 0);
    List<ThreadedComment> threads = everything(Set.of());
    for (DiscussionSettings s : settings()) {
      int pages = CommentPages.page(threads, s, 1).totalPages();
      ThreadStarts ascending = kept(paging, s);
      ThreadStarts descending = kept(paging, s);
      for (int page = 0; page <= pages + 1; page++) {
        int back = pages + 1 - page;
        assertSamePage(
            CommentPages.page(threads, s, page),
            paging.page(
                post, approvedCount(), Set.of(), s, CommentPageRequest.page(page), ascending),
            "page " + page + " of " + s + ", asked for in order");
        assertSamePage(
            CommentPages.page(threads, s, back),
            paging.page(
                post, approvedCount(), Set.of(), s, CommentPageRequest.page(back), descending),
            "page " + back + " of " + s + ", the last first");
      }
    }
  }

  @Test
  void aLaterPageReadFromKeptStartsSkipsNoThreads() {
    List<String> statements = new ArrayList<>();
    Jdbi watched = RecordedSql.recording(db.database().dataSource(), statements);
    CommentPaging paging = new CommentPaging(new CommentRepository(watched), 0);
    for (DiscussionSettings s : settings()) {
      int pages = CommentPages.page(everything(Set.of()), s, 1).totalPages();
      ThreadStarts starts = kept(paging, s);
      paging.page(post, approvedCount(), Set.of(), s, CommentPageRequest.page(pages), starts);
      statements.clear();
      CommentPages.Page last =
          paging.page(post, approvedCount(), Set.of(), s, CommentPageRequest.page(pages), starts);
      assertFalse(last.threads().isEmpty());
      assertTrue(
          statements.stream().noneMatch(sql -> sql.contains("OFFSET")),
          "page " + pages + " of " + s + " is read from its start: " + statements);
    }
  }

  @Test
  void everyPageReadInPartsIsThePageOfEverything() {
    CommentPaging outline = new CommentPaging(comments, 0);
    for (Set<Long> own : List.of(Set.<Long>of(), noneHeld(), own())) {
      List<ThreadedComment> threads = everything(own);
      for (DiscussionSettings s : settings()) {
        int pages = CommentPages.page(threads, s, 1).totalPages();
        assertTrue(pages >= 2, "the discussion spans pages");
        for (int page = 0; page <= pages + 1; page++) {
          assertSamePage(
              CommentPages.page(threads, s, page),
              outline.page(post, approvedCount(), own, s, CommentPageRequest.page(page), SKIPPING),
              "page " + page + " for " + own.size() + " own of " + s);
        }
      }
    }
  }

  @Test
  void aPageFarPastTheEndIsNoPageAndReadsNoComments() {
    List<String> statements = new ArrayList<>();
    Jdbi watched = RecordedSql.recording(db.database().dataSource(), statements);
    CommentPaging paging = new CommentPaging(new CommentRepository(watched), 0);
    for (DiscussionSettings s : settings()) {
      int pages = CommentPages.page(everything(Set.of()), s, 1).totalPages();
      statements.clear();
      CommentPages.Page far =
          paging.page(
              post, approvedCount(), Set.of(), s, CommentPageRequest.page(pages * 100), SKIPPING);
      assertTrue(far.threads().isEmpty());
      assertTrue(far.page() > far.totalPages(), "no such page");
      // Unpaged, the first page's starts are read to see whether all fit on it; nothing else.
      assertEquals(
          s.pageComments() ? 0 : 1,
          statements.stream().filter(sql -> sql.contains("FETCH NEXT")).count(),
          "no thread starts skipped through: " + statements);
    }
  }

  @Test
  void theCommentAskedForIsOnTheSamePageEitherWay() {
    CommentPaging outline = new CommentPaging(comments, 0);
    for (Set<Long> own : List.of(noneHeld(), own())) {
      assertEachAskedForShownAlike(outline, own);
    }
  }

  private void assertEachAskedForShownAlike(CommentPaging outline, Set<Long> own) {
    List<ThreadedComment> threads = everything(own);
    List<Long> asked = new ArrayList<>(approved.subList(0, 120));
    asked.addAll(approved.subList(approved.size() - 120, approved.size()));
    asked.addAll(pending.subList(0, 25));
    asked.addAll(hidden.subList(0, 5));
    asked.add(Long.MAX_VALUE);
    Map<DiscussionSettings, ThreadStarts> starts = new HashMap<>();
    for (DiscussionSettings s : settings()) {
      starts.put(s, kept(outline, s));
      for (long id : asked) {
        int page = CommentPages.pageOf(threads, s, id);
        assertEquals(
            page, outline.pageOf(post, approvedCount(), own, s, id, SKIPPING), "page of " + id);
        assertEquals(
            page,
            outline.pageOf(post, approvedCount(), own, s, id, starts.get(s)),
            "page of " + id + " from kept starts");
        assertSamePage(
            CommentPages.page(threads, s, page),
            outline.page(post, approvedCount(), own, s, CommentPageRequest.showing(id), SKIPPING),
            "the page showing " + id + " for " + own.size() + " own");
      }
    }
  }

  @Test
  void theCommentsPageIsFoundWithoutCountingOrSkippingThreads() {
    List<String> statements = new ArrayList<>();
    Jdbi watched = RecordedSql.recording(db.database().dataSource(), statements);
    CommentPaging paging = new CommentPaging(new CommentRepository(watched), 0);
    List<ThreadedComment> threads = everything(Set.of());
    List<Long> asked = new ArrayList<>(approved.subList(approved.size() - 40, approved.size()));
    asked.addAll(approved.subList(0, 10));
    for (DiscussionSettings s : settings()) {
      ThreadStarts starts = kept(paging, s);
      for (long id : asked) {
        statements.clear();
        assertEquals(
            CommentPages.pageOf(threads, s, id),
            paging.pageOf(post, approvedCount(), noneHeld(), s, id, starts),
            "page of " + id);
        assertTrue(
            statements.stream().noneMatch(sql -> sql.contains("OFFSET") || sql.contains("COUNT")),
            "the page of " + id + " is found along the index: " + statements);
      }
    }
  }

  @Test
  void aDiscussionCountedAsFittingOnOnePageIsReadWholeAndPagedAlike() {
    CommentPaging reader = new CommentPaging(comments, Integer.MAX_VALUE);
    for (DiscussionSettings s : settings()) {
      // The count only decides how the page is read: 0 reads every comment.
      for (Set<Long> own : List.of(Set.<Long>of(), Set.of(pending.get(0)))) {
        List<ThreadedComment> threads = everything(own);
        assertEquals(
            CommentPages.page(threads, s, 2),
            reader.page(post, 0, own, s, CommentPageRequest.page(2), SKIPPING));
        assertSamePage(
            CommentPages.page(threads, s, 2),
            reader.page(post, approvedCount(), own, s, CommentPageRequest.page(2), SKIPPING),
            "page 2 read in parts");
      }
    }
  }
}
