package blog.core.editor;

import blog.core.post.PostStatus;
import blog.core.post.PostType;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.core.taxonomy.TermRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  /** A page of the list; a page number out of range shows the nearest page that exists. */
  public PostListPage list(Actor actor, PostListQuery query) {
    return list(actor, query, this::everyonesCounts);
  }

  /**
   * How many posts of everyone's each view holds: one pass over the posts (a tenth of a second at
   * 100,000), which callers may keep until the posts change.
   */
  public StatusCounts everyonesCounts() {
    return postList.counts(null, clock.instant());
  }

  /**
   * {@link #list(Actor, PostListQuery)} with everyone's counts from {@code everyonesCounts} (e.g.
   * kept between changes). Without a search the view's total is its count, not counted again.
   */
  public PostListPage list(
      Actor actor, PostListQuery query, Supplier<StatusCounts> everyonesCounts) {
    Instant now = clock.instant();
    Long authorId = query.mineOnly() ? actor.userId() : null;
    StatusCounts counts = authorId == null ? everyonesCounts.get() : postList.counts(authorId, now);
    int total =
        query.search().isEmpty()
            ? counts.of(query.filter())
            : postList.count(query.filter(), query.search(), authorId, now);
    int totalPages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(Math.max(1, query.page()), totalPages);
    List<PostListRepository.Row> rows =
        postList.list(
            query.filter(), query.search(), authorId, now, PAGE_SIZE, (page - 1) * PAGE_SIZE);
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
