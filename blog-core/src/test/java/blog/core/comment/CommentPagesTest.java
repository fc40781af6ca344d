package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentPagesTest {
  private static ThreadedComment thread(long id, ThreadedComment... replies) {
    Comment c = CommentThreadsTest.c(id, null);
    return new ThreadedComment(c, 1, List.of(replies));
  }

  private static List<ThreadedComment> threads(int n) {
    List<ThreadedComment> list = new ArrayList<>();
    for (long i = 1; i <= n; i++) {
      list.add(i == 3 ? thread(i, thread(100)) : thread(i));
    }
    return list;
  }

  private static List<Long> ids(CommentPages.Page page) {
    return page.threads().stream().map(t -> t.comment().id()).toList();
  }

  @Test
  void offByDefaultEverythingOnOnePage() {
    DiscussionSettings s = DiscussionSettings.from(Map.of());
    CommentPages.Page page = CommentPages.page(threads(7), s, 1);
    assertEquals(7, page.threads().size());
    assertEquals(1, page.totalPages());
  }

  @Test
  void withPagingOffAHugeDiscussionIsStillPagedSoNoPageIsUnbounded() {
    DiscussionSettings s = DiscussionSettings.from(Map.of());
    int most = CommentPages.MOST_THREADS_UNPAGED;
    assertEquals(1, CommentPages.page(threads(most), s, 1).totalPages());
    assertEquals(most, CommentPages.page(threads(most), s, 1).threads().size());
    assertEquals(most, CommentPages.page(threads(most), s, 2).threads().size(), "one page: any");

    List<ThreadedComment> many = threads(2 * most + 1);
    CommentPages.Page first = CommentPages.page(many, s, 1);
    assertEquals(3, first.totalPages());
    assertEquals(most, first.threads().size());
    assertEquals(1L, first.threads().get(0).comment().id(), "oldest first, as unpaged");
    assertEquals(List.of(2L * most + 1), ids(CommentPages.page(many, s, 3)));
    assertEquals(3, CommentPages.pageOf(many, s, 2L * most + 1));
    assertEquals(2, CommentPages.pageOf(many, s, most + 1L));
  }

  @Test
  void pagesOfThreadsOldestFirst() {
    DiscussionSettings s =
        DiscussionSettings.from(
            Map.of(
                DiscussionSettings.PAGE_COMMENTS,
                "true",
                DiscussionSettings.COMMENTS_PER_PAGE,
                "3"));
    assertEquals(List.of(1L, 2L, 3L), ids(CommentPages.page(threads(7), s, 1)));
    assertEquals(List.of(7L), ids(CommentPages.page(threads(7), s, 3)));
    assertEquals(3, CommentPages.page(threads(7), s, 1).totalPages());
    assertEquals(List.of(), ids(CommentPages.page(threads(7), s, 4)));
    assertEquals(1, CommentPages.pageOf(threads(7), s, 100), "a reply lives with its thread");
    assertEquals(3, CommentPages.pageOf(threads(7), s, 7));
  }

  @Test
  void newestFirstPutsTheLatestThreadsOnPageOne() {
    DiscussionSettings s =
        DiscussionSettings.from(
            Map.of(
                DiscussionSettings.PAGE_COMMENTS, "true",
                DiscussionSettings.COMMENTS_PER_PAGE, "3",
                DiscussionSettings.COMMENTS_ORDER, "newest"));
    assertEquals(List.of(7L, 6L, 5L), ids(CommentPages.page(threads(7), s, 1)));
    assertEquals(3, CommentPages.pageOf(threads(7), s, 1));
  }
}
