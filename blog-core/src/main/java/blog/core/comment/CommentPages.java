package blog.core.comment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * WordPress's "break comments into pages": top-level threads are paged (replies stay with their
 * thread), oldest or newest first. Page 1 holds the oldest threads in oldest-first order and the
 * newest in newest-first order. With paging off everything is one page.
 */
public final class CommentPages {
  private CommentPages() {}

  /** One page of threads, and how many pages there are (at least 1). */
  public record Page(List<ThreadedComment> threads, int page, int totalPages) {
    public Page {
      threads = List.copyOf(threads);
    }
  }

  public static Page page(List<ThreadedComment> threads, DiscussionSettings settings, int page) {
    List<ThreadedComment> ordered = new ArrayList<>(threads);
    if (settings.newestFirst()) {
      Collections.reverse(ordered);
    }
    if (!settings.pageComments()) {
      return new Page(ordered, 1, 1);
    }
    int size = settings.commentsPerPage();
    int total = Math.max(1, (ordered.size() + size - 1) / size);
    if (page < 1 || page > total) {
      return new Page(List.of(), page, total);
    }
    int from = (page - 1) * size;
    return new Page(ordered.subList(from, Math.min(ordered.size(), from + size)), page, total);
  }

  /** The page that shows {@code commentId} (1 when it is not among the threads). */
  public static int pageOf(List<ThreadedComment> threads, DiscussionSettings settings, long id) {
    if (!settings.pageComments()) {
      return 1;
    }
    int total = page(threads, settings, 1).totalPages();
    for (int p = 1; p <= total; p++) {
      for (ThreadedComment t : page(threads, settings, p).threads()) {
        if (contains(t, id)) {
          return p;
        }
      }
    }
    return 1;
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
