package blog.core.comment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * WordPress's "break comments into pages": top-level threads are paged (replies stay with their
 * thread), oldest or newest first. Page 1 holds the oldest threads in oldest-first order and the
 * newest in newest-first order. With paging off everything is one page, up to {@link
 * #MOST_THREADS_UNPAGED} threads: past that the threads are paged that many at a time anyway.
 */
public final class CommentPages {
  /**
   * The most threads one page shows when paging is off. A post with tens of thousands of comments
   * on one page costs seconds and tens of megabytes a reader (a 256 MB heap ran out rendering a
   * post with 45,000 comments for a few readers at once); paged, every page stays bounded.
   */
  public static final int MOST_THREADS_UNPAGED = 500;

  private CommentPages() {}

  /** One page of threads, and how many pages there are (at least 1). */
  public record Page(List<ThreadedComment> threads, int page, int totalPages) {
    public Page {
      threads = List.copyOf(threads);
    }
  }

  public static Page page(List<ThreadedComment> threads, DiscussionSettings settings, int page) {
    List<ThreadedComment> ordered = ordered(threads, settings);
    if (!settings.pageComments() && ordered.size() <= MOST_THREADS_UNPAGED) {
      return new Page(ordered, 1, 1);
    }
    int size = pageSize(settings);
    int total = Math.max(1, (ordered.size() + size - 1) / size);
    if (page < 1 || page > total) {
      return new Page(List.of(), page, total);
    }
    int from = (page - 1) * size;
    return new Page(ordered.subList(from, Math.min(ordered.size(), from + size)), page, total);
  }

  /** The page that shows {@code commentId} (1 when it is not among the threads). */
  public static int pageOf(List<ThreadedComment> threads, DiscussionSettings settings, long id) {
    List<ThreadedComment> ordered = ordered(threads, settings);
    for (int i = 0; i < ordered.size(); i++) {
      if (contains(ordered.get(i), id)) {
        return i / pageSize(settings) + 1;
      }
    }
    return 1;
  }

  private static List<ThreadedComment> ordered(
      List<ThreadedComment> threads, DiscussionSettings settings) {
    List<ThreadedComment> ordered = new ArrayList<>(threads);
    if (settings.newestFirst()) {
      Collections.reverse(ordered);
    }
    return ordered;
  }

  /** Threads a page: the setting's when paging is on, else the most unpaged. */
  private static int pageSize(DiscussionSettings settings) {
    return settings.pageComments() ? settings.commentsPerPage() : MOST_THREADS_UNPAGED;
  }

  private static boolean contains(ThreadedComment t, long id) {
    if (t.comment().id() == id) {
      return true;
    }
    for (ThreadedComment reply : t.replies()) {
      if (contains(reply, id)) {
        return true;
      }
    }
    return false;
  }
}
