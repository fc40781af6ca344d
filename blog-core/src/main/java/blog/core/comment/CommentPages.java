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

  /**
   * One page of threads and the last page known to exist: here how many pages there are (at least
   * 1); a discussion paged at the database says only whether one follows (the next page, or this).
   */
  public record Page(List<ThreadedComment> threads, int page, int totalPages) {
    public Page {
      threads = List.copyOf(threads);
    }
  }

  /**
   * Which threads a page holds, counted in the order they are shown: positions {@code from} up to
   * {@code to} (none past the last page). {@code page} is the page shown: any page number shows the
   * one page there is when paging is off and the threads fit on it.
   */
  public record Window(int page, int totalPages, int from, int to) {}

  public static Page page(List<ThreadedComment> threads, DiscussionSettings settings, int page) {
    Window window = window(threads.size(), settings, page);
    List<ThreadedComment> ordered = ordered(threads, settings);
    return new Page(
        ordered.subList(window.from(), window.to()), window.page(), window.totalPages());
  }

  /** The window of page {@code page} among {@code threads} threads. */
  public static Window window(int threads, DiscussionSettings settings, int page) {
    if (onOnePage(threads, settings)) {
      return new Window(1, 1, 0, threads);
    }
    int size = threadsPerPage(settings);
    int total = Math.max(1, (threads + size - 1) / size);
    if (page < 1 || page > total) {
      return new Window(page, total, 0, 0);
    }
    int from = (page - 1) * size;
    return new Window(page, total, from, Math.min(threads, from + size));
  }

  /** The page that shows {@code commentId} (1 when it is not among the threads). */
  public static int pageOf(List<ThreadedComment> threads, DiscussionSettings settings, long id) {
    for (int i = 0; i < threads.size(); i++) {
      if (contains(threads.get(i), id)) {
        return pageOfThread(i, threads.size(), settings);
      }
    }
    return 1;
  }

  /** The page that shows the thread that is {@code index}th (from 0) oldest of {@code threads}. */
  public static int pageOfThread(int index, int threads, DiscussionSettings settings) {
    if (onOnePage(threads, settings)) {
      return 1;
    }
    int position = settings.newestFirst() ? threads - 1 - index : index;
    return position / threadsPerPage(settings) + 1;
  }

  /**
   * The most threads a page holds: the setting's when paging is on, else the most unpaged. A
   * discussion of at most this many comments has one page, however they are threaded.
   */
  public static int threadsPerPage(DiscussionSettings settings) {
    return settings.pageComments() ? settings.commentsPerPage() : MOST_THREADS_UNPAGED;
  }

  private static boolean onOnePage(int threads, DiscussionSettings settings) {
    return !settings.pageComments() && threads <= MOST_THREADS_UNPAGED;
  }

  private static List<ThreadedComment> ordered(
      List<ThreadedComment> threads, DiscussionSettings settings) {
    if (!settings.newestFirst()) {
      return threads;
    }
    List<ThreadedComment> ordered = new ArrayList<>(threads);
    Collections.reverse(ordered);
    return ordered;
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
