package blog.core.reading;

import blog.core.comment.Comment;
import blog.core.comment.CommentOutline;
import blog.core.comment.CommentPages;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.CommentThreads;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.ThreadKey;
import blog.core.comment.ThreadedComment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One page of a post's discussion as a browser sees it: the approved comments, and those of its own
 * that are held, threaded as {@link CommentThreads#build} threads them and paged as {@link
 * CommentPages} pages threads. A discussion that fits on one page is read whole. A longer one is
 * read a page at a time: at the database (the page's thread starts, then their replies) for a
 * browser with no held comment on the post, which is nearly every reader; else threaded from its
 * outline (ids, parents, times, no text) with only the page's comments read in full, as the held
 * comments may start threads of their own anywhere in it.
 */
final class CommentPaging {
  private static final Comparator<CommentOutline> SHOWN_ORDER =
      Comparator.comparing(CommentOutline::createdAt).thenComparingLong(CommentOutline::id);

  private final CommentRepository comments;
  private final int wholeUpTo;

  /**
   * {@code wholeUpTo}: the most comments read whole, if they fit on a page (tests set 0 to page
   * every discussion through its outline).
   */
  CommentPaging(CommentRepository comments, int wholeUpTo) {
    this.comments = comments;
    this.wholeUpTo = wholeUpTo;
  }

  /**
   * The page {@code wanted} of post {@code postId}'s discussion, which has {@code approved}
   * approved comments (a count taken just before: it decides how the page is read, and that no page
   * lies beyond that many threads).
   */
  CommentPages.Page page(
      long postId,
      int approved,
      Set<Long> own,
      DiscussionSettings settings,
      CommentPageRequest wanted,
      ThreadStarts starts) {
    if (readWhole(approved, own, settings)) {
      List<ThreadedComment> threads = CommentThreads.build(whole(postId, own));
      int page =
          wanted.byComment()
              ? CommentPages.pageOf(threads, settings, wanted.showing())
              : wanted.page();
      return CommentPages.page(threads, settings, page);
    }
    List<Comment> held = comments.listPendingAmong(postId, own);
    if (held.isEmpty()) {
      int page =
          wanted.byComment()
              ? startsPageOf(postId, settings, wanted.showing(), starts)
              : wanted.page();
      return startsPage(postId, approved, settings, page, starts);
    }
    Shape shape = shape(postId, held);
    int page = wanted.byComment() ? shape.pageOf(wanted.showing(), settings) : wanted.page();
    CommentPages.Window window = CommentPages.window(shape.roots.size(), settings, page);
    List<Long> pageRoots = new ArrayList<>();
    for (int position = window.from(); position < window.to(); position++) {
      int index = settings.newestFirst() ? shape.roots.size() - 1 - position : position;
      pageRoots.add(shape.roots.get(index));
    }
    List<Long> ids = new ArrayList<>();
    pageRoots.forEach(root -> shape.collect(root, ids));
    // Read anew, a comment may have left the discussion since its outline was read (trashed,
    // held again): it is then not shown, as the next read of the outline would not show it.
    Map<Long, Comment> read =
        comments.findAll(ids).stream()
            .filter(c -> c.postId() == postId && c.status() == CommentStatus.APPROVED)
            .collect(Collectors.toMap(Comment::id, Function.identity()));
    held.forEach(c -> read.putIfAbsent(c.id(), c));
    List<ThreadedComment> threads = new ArrayList<>();
    for (Long root : pageRoots) {
      ThreadedComment thread = shape.nest(root, 1, read);
      if (thread != null) {
        threads.add(thread);
      }
    }
    return new CommentPages.Page(threads, window.page(), window.totalPages());
  }

  /**
   * The comment page that shows comment {@code id} to a browser that wrote {@code own}, {@code
   * starts} saying where pages start (null from it: they are read here).
   */
  int pageOf(
      long postId,
      int approved,
      Set<Long> own,
      DiscussionSettings settings,
      long commentId,
      ThreadStarts starts) {
    if (readWhole(approved, own, settings)) {
      return CommentPages.pageOf(CommentThreads.build(whole(postId, own)), settings, commentId);
    }
    List<Comment> held = comments.listPendingAmong(postId, own);
    return held.isEmpty()
        ? startsPageOf(postId, settings, commentId, starts)
        : shape(postId, held).pageOf(commentId, settings);
  }

  /**
   * Page {@code page} of a discussion the browser has no held comment in, read at the database: the
   * page's thread starts (one more says whether a later page follows), then their replies level by
   * level. The page count it gives is the next page when one follows, else this one (less than
   * {@code page} when there is no such page). A page past the {@code approved} comments (more than
   * there are threads) has none without a read: asking for page 100,000 of a long discussion does
   * not skip through all of it.
   */
  private CommentPages.Page startsPage(
      long postId, int approved, DiscussionSettings settings, int page, ThreadStarts kept) {
    int size = CommentPages.threadsPerPage(settings);
    List<Comment> first = null;
    if (!settings.pageComments()) {
      first = comments.threadStarts(postId, false, 0, size + 1);
      if (first.size() <= size) {
        // At most the most threads unpaged: one page, whatever number was asked for.
        return new CommentPages.Page(threads(postId, first), 1, 1);
      }
    }
    if (page < 1) {
      return new CommentPages.Page(List.of(), page, 1);
    }
    long skip = (long) (page - 1) * size;
    if (skip > Integer.MAX_VALUE - size - 1 || (page > 1 && skip >= approved)) {
      return new CommentPages.Page(List.of(), page, page - 1);
    }
    List<Comment> starts;
    KeyedPages<ThreadKey> pages = page == 1 ? null : kept.of(postId, settings.newestFirst(), page);
    if (pages != null && pages.perPage() == size && pages.covers(page)) {
      // Read from where the page starts, not skipping every thread before it.
      Optional<ThreadKey> from = pages.start(page);
      starts =
          from.isEmpty()
              ? List.of()
              : comments.threadStartsFrom(postId, settings.newestFirst(), from.get(), size + 1);
    } else {
      starts =
          first != null && page == 1 && !settings.newestFirst()
              ? first
              : comments.threadStarts(postId, settings.newestFirst(), (int) skip, size + 1);
    }
    if (starts.isEmpty()) {
      return new CommentPages.Page(List.of(), page, page == 1 ? 1 : page - 1);
    }
    boolean more = starts.size() > size;
    List<Comment> shown = more ? starts.subList(0, size) : starts;
    return new CommentPages.Page(threads(postId, shown), page, more ? page + 1 : page);
  }

  /**
   * Where the pages of post {@code postId}'s threads start (for a browser with no held comments),
   * oldest or newest first, through page {@code page} at least, {@code settings} saying how many
   * threads a page holds: {@code known} extended as {@link KeyedPages#through} does.
   */
  KeyedPages<ThreadKey> threadPages(
      long postId,
      boolean newestFirst,
      DiscussionSettings settings,
      KeyedPages<ThreadKey> known,
      int page) {
    return KeyedPages.through(
        known,
        CommentPages.threadsPerPage(settings),
        page,
        (every, from, limit) -> comments.threadStartKeys(postId, newestFirst, every, from, limit));
  }

  /**
   * The page showing comment {@code id} to a browser with no held comments: 1 if it is not shown. A
   * keyset read: the page is the last one starting at or before the comment's thread, found among
   * where the pages start ({@code kept}, or read here along the index as far as that thread), not
   * by counting the threads before it.
   */
  private int startsPageOf(long postId, DiscussionSettings settings, long id, ThreadStarts kept) {
    Optional<Comment> start = comments.findById(id).filter(c -> shown(postId, c));
    if (start.isEmpty()) {
      return 1;
    }
    // Up to the first comment whose parent is not shown; loops of parents, which no thread shows,
    // end the walk.
    Set<Long> seen = new HashSet<>();
    while (start.get().parentId() != null && seen.add(start.get().id())) {
      Optional<Comment> parent =
          comments.findById(start.get().parentId()).filter(c -> shown(postId, c));
      if (parent.isEmpty()) {
        break;
      }
      start = parent;
    }
    ThreadKey thread = ThreadKey.of(start.get());
    boolean newestFirst = settings.newestFirst();
    Comparator<ThreadKey> order = newestFirst ? THREAD_ORDER.reversed() : THREAD_ORDER;
    int size = CommentPages.threadsPerPage(settings);
    KeyedPages<ThreadKey> pages = null;
    // Twice as many pages each time until they reach past the thread: a read of the keys, once
    // per version of the post's comments when kept.
    for (int page = 2; ; page = page > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : page * 2) {
      KeyedPages<ThreadKey> known = kept.of(postId, newestFirst, page);
      pages =
          known != null && known.perPage() == size
              ? known
              : threadPages(postId, newestFirst, settings, pages, page);
      List<ThreadKey> firsts = pages.firsts();
      if (pages.complete()
          || page == Integer.MAX_VALUE
          || (!firsts.isEmpty() && order.compare(firsts.get(firsts.size() - 1), thread) > 0)) {
        break;
      }
    }
    List<ThreadKey> firsts = pages.firsts();
    // The last page starting at or before the thread.
    int low = 0;
    int high = firsts.size() - 1;
    int found = 0;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (order.compare(firsts.get(middle), thread) <= 0) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found + 1;
  }

  private static final Comparator<ThreadKey> THREAD_ORDER =
      Comparator.comparing(ThreadKey::createdAt).thenComparingLong(ThreadKey::id);

  private static boolean shown(long postId, Comment c) {
    return c.postId() == postId && c.status() == CommentStatus.APPROVED;
  }

  /** The threads under these starts: their approved replies, read a level at a time. */
  private List<ThreadedComment> threads(long postId, List<Comment> starts) {
    Map<Long, List<Comment>> replies = new HashMap<>();
    Set<Long> read = new HashSet<>();
    List<Long> level = new ArrayList<>();
    for (Comment c : starts) {
      read.add(c.id());
      level.add(c.id());
    }
    while (!level.isEmpty()) {
      List<Long> next = new ArrayList<>();
      for (Comment reply : comments.approvedRepliesTo(postId, level)) {
        if (read.add(reply.id())) {
          replies.computeIfAbsent(reply.parentId(), k -> new ArrayList<>()).add(reply);
          next.add(reply.id());
        }
      }
      level = next;
    }
    List<ThreadedComment> threads = new ArrayList<>(starts.size());
    for (Comment start : starts) {
      threads.add(CommentThreads.nest(start, 1, replies));
    }
    return threads;
  }

  /** Whether the whole discussion is one page and small enough to read in full. */
  private boolean readWhole(int approved, Set<Long> own, DiscussionSettings settings) {
    long shown = (long) approved + own.size();
    return shown <= Math.min(wholeUpTo, CommentPages.threadsPerPage(settings));
  }

  /** Every approved comment of the post and the browser's own held ones, in the order shown. */
  private List<Comment> whole(long postId, Set<Long> own) {
    List<Comment> shown = new ArrayList<>(comments.listApproved(postId));
    List<Comment> held = comments.listPendingAmong(postId, own);
    if (!held.isEmpty()) {
      shown.addAll(held);
      shown.sort(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id));
    }
    return shown;
  }

  private Shape shape(long postId, List<Comment> held) {
    List<CommentOutline> outline = comments.approvedOutline(postId);
    if (!held.isEmpty()) {
      outline = new ArrayList<>(outline);
      for (Comment c : held) {
        outline.add(new CommentOutline(c.id(), c.parentId(), c.createdAt()));
      }
      outline.sort(SHOWN_ORDER);
    }
    return new Shape(outline);
  }

  /**
   * The threads of a discussion by id: as {@link CommentThreads#build} threads comments, a comment
   * whose parent is not shown starts a thread of its own.
   */
  private static final class Shape {
    private final Map<Long, Long> parents;
    private final Map<Long, List<Long>> children = new HashMap<>();
    private final List<Long> roots = new ArrayList<>();

    Shape(List<CommentOutline> outline) {
      parents = new HashMap<>(outline.size() * 4 / 3 + 1);
      for (CommentOutline c : outline) {
        parents.put(c.id(), c.parentId());
      }
      for (CommentOutline c : outline) {
        if (c.parentId() != null && parents.containsKey(c.parentId())) {
          children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c.id());
        } else {
          roots.add(c.id());
        }
      }
    }

    /** The page of the thread holding {@code id}; 1 if it is not shown. */
    int pageOf(long id, DiscussionSettings settings) {
      if (!parents.containsKey(id)) {
        return 1;
      }
      long root = id;
      // Up to the first comment whose parent is not shown; a loop of parents (which no thread
      // shows) ends the walk after as many steps as there are comments.
      for (int step = 0; step <= parents.size(); step++) {
        Long parent = parents.get(root);
        if (parent == null || !parents.containsKey(parent)) {
          int index = roots.indexOf(root);
          return index < 0 ? 1 : CommentPages.pageOfThread(index, roots.size(), settings);
        }
        root = parent;
      }
      return 1;
    }

    void collect(long id, List<Long> into) {
      into.add(id);
      for (Long reply : children.getOrDefault(id, List.of())) {
        collect(reply, into);
      }
    }

    /**
     * The thread under {@code id} from the comments read; null if the comment is gone (deleted or
     * no longer approved since the outline was read), as a later read would not show it.
     */
    ThreadedComment nest(long id, int depth, Map<Long, Comment> read) {
      Comment c = read.get(id);
      if (c == null) {
        return null;
      }
      List<ThreadedComment> replies = new ArrayList<>();
      for (Long reply : children.getOrDefault(id, List.of())) {
        ThreadedComment under = nest(reply, depth + 1, read);
        if (under != null) {
          replies.add(under);
        }
      }
      return new ThreadedComment(c, depth, replies);
    }
  }
}
