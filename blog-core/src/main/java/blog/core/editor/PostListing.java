package blog.core.editor;

import blog.core.post.PostStatus;
import blog.core.post.PostType;
import blog.core.reading.KeyedPages;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.core.taxonomy.TermRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin's list of posts, 20 to a page. As in WordPress, authors see everyone's posts (drafts
 * too: the list is staff-only) but may change only their own; each item says whether the acting
 * user may edit it, and "mine only" narrows the list and its counts to the actor's posts.
 */
public final class PostListing {
  public static final int PAGE_SIZE = 20;

  private final PostListRepository postList;
  private final TermRepository terms;
  private final Clock clock;

  public PostListing(PostListRepository postList, TermRepository terms, Clock clock) {
    this.postList = postList;
    this.terms = terms;
    this.clock = clock;
  }

  /**
   * Where the pages of a view start, covering page {@code page} at least: e.g. {@link #pages} kept
   * until the posts change.
   */
  @FunctionalInterface
  public interface PageStarts {
    KeyedPages<PostListRepository.Key> of(PostListRepository.View view, int page);
  }

  /** A page of the list; a page number out of range shows the nearest page that exists. */
  public PostListPage list(Actor actor, PostListQuery query) {
    return list(actor, query, this::everyonesCounts, (view, page) -> pages(view, null, page));
  }

  /**
   * How many posts of everyone's each view holds: one pass over the posts (a tenth of a second at
   * 100,000), which callers may keep until the posts change.
   */
  public StatusCounts everyonesCounts() {
    return postList.counts(null, clock.instant());
  }

  /**
   * Where the pages of {@code view} start, through page {@code page} at least: {@code known} (for
   * the posts as they are now, or null) extended as {@link KeyedPages#through} does, reading keys
   * along the view's index.
   */
  public KeyedPages<PostListRepository.Key> pages(
      PostListRepository.View view, KeyedPages<PostListRepository.Key> known, int page) {
    Instant now = clock.instant();
    return KeyedPages.through(
        known,
        PAGE_SIZE,
        page,
        (every, from, limit) -> postList.keysEvery(view, now, every, from, limit));
  }

  /**
   * {@link #list(Actor, PostListQuery)} with everyone's counts from {@code everyonesCounts} (e.g.
   * kept between changes), and page N read from where {@code starts} says it starts (a keyset read,
   * never skipping the posts before it). Without a search the view's total is its count, not
   * counted again.
   */
  public PostListPage list(
      Actor actor, PostListQuery query, Supplier<StatusCounts> everyonesCounts, PageStarts starts) {
    Instant now = clock.instant();
    Long authorId = query.mineOnly() ? actor.userId() : null;
    StatusCounts counts = authorId == null ? everyonesCounts.get() : postList.counts(authorId, now);
    int total =
        query.search().isEmpty()
            ? counts.of(query.filter())
            : postList.count(query.filter(), query.search(), authorId, now);
    int totalPages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(Math.max(1, query.page()), totalPages);
    PostListRepository.View view =
        new PostListRepository.View(query.filter(), query.search(), authorId);
    List<PostListRepository.Row> rows;
    if (page == 1) {
      rows = postList.list(view, now, PAGE_SIZE, null);
    } else {
      Optional<PostListRepository.Key> from = starts.of(view, page).start(page);
      rows = from.isEmpty() ? List.of() : postList.list(view, now, PAGE_SIZE, from.get());
    }
    Map<Long, List<Term>> termsByPost =
        terms.forPosts(rows.stream().map(PostListRepository.Row::id).toList());
    List<PostListItem> items =
        rows.stream()
            .map(r -> item(r, termsByPost.getOrDefault(r.id(), List.of()), actor, now))
            .toList();
    return new PostListPage(items, query, page, totalPages, total, counts);
  }

  private static PostListItem item(
      PostListRepository.Row r, List<Term> postTerms, Actor actor, Instant now) {
    boolean visible =
        (r.status() == PostStatus.PUBLISHED || r.status() == PostStatus.SCHEDULED)
            && r.publishedAt() != null
            && !r.publishedAt().isAfter(now);
    return new PostListItem(
        r.id(),
        r.title(),
        r.slug(),
        r.status(),
        visible,
        r.authorId(),
        r.authorName() == null ? "" : r.authorName(),
        r.publishedAt(),
        r.updatedAt(),
        r.version(),
        postTerms.stream().filter(t -> t.taxonomy() == Taxonomy.CATEGORY).toList(),
        postTerms.stream().filter(t -> t.taxonomy() == Taxonomy.TAG).toList(),
        actor.isAdmin() || r.authorId() == actor.userId(),
        r.type() == PostType.PAGE);
  }
}
