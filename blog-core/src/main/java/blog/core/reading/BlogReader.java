package blog.core.reading;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentPages;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.CommentThreads;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.ThreadedComment;
import blog.core.identity.CommenterIdentity;
import blog.core.identity.IdentityRepository;
import blog.core.post.ListingKey;
import blog.core.post.Post;
import blog.core.post.PostPage;
import blog.core.post.PostRepository;
import blog.core.post.PostSummary;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.core.taxonomy.TermRepository;
import blog.core.user.UserRepository;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a reader can see: listings, archives, single posts with their comments. Only posts
 * that are published (or scheduled and due) by this service's clock are ever returned.
 */
public final class BlogReader {
  private static final int RECENT_POSTS = 5;

  private final PostRepository posts;
  private final TermRepository terms;
  private final CommentRepository comments;
  private final UserRepository users;
  private final IdentityRepository identities;
  private final SettingsRepository settings;
  private final Clock clock;
  private final CommentPaging paging;

  public BlogReader(
      PostRepository posts,
      TermRepository terms,
      CommentRepository comments,
      UserRepository users,
      IdentityRepository identities,
      SettingsRepository settings,
      Clock clock) {
    this.identities = identities;
    this.posts = posts;
    this.terms = terms;
    this.comments = comments;
    this.users = users;
    this.settings = settings;
    this.clock = clock;
    this.paging = new CommentPaging(comments, Integer.MAX_VALUE);
  }

  public SiteSettings site() {
    return settings.site();
  }

  /** The home page listing, newest first. Page 1 always exists; later pages only if filled. */
  public PostPage home(int page) {
    Instant now = clock.instant();
    int perPage = site().postsPerPage();
    checkPage(page);
    return page(page, perPage, (limit, offset) -> posts.listVisible(now, limit, offset));
  }

  /**
   * Page {@code page} of the home listing read from where {@code starts} says it begins: the same
   * page as {@link #home(int)}, at the same cost on page 2 or page 5,000. {@code starts} must be
   * current (made by {@link #homePages()} since the listing last changed); made for another page
   * size, it is not used.
   */
  public PostPage home(int page, HomePages starts) {
    int perPage = site().postsPerPage();
    checkPage(page);
    if (page == 1 || starts.perPage() != perPage) {
      return home(page);
    }
    ListingKey start = starts.start(page).orElseThrow(() -> new NotFoundException("page " + page));
    List<Post> found = posts.listVisibleFrom(clock.instant(), start, perPage + 1);
    if (found.isEmpty()) {
      throw new NotFoundException("page " + page);
    }
    boolean older = found.size() > perPage;
    return new PostPage(summaries(older ? found.subList(0, perPage) : found), page, older);
  }

  /** Where each page of the home listing starts, as the listing is now. */
  public HomePages homePages() {
    int perPage = site().postsPerPage();
    return new HomePages(perPage, posts.visibleKeysEvery(clock.instant(), perPage));
  }

  /** A monthly archive in the site's time zone. */
  public PostPage month(int year, int month, int page) {
    YearMonth ym = yearMonth(year, month);
    ZoneId zone = site().timeZone();
    return between(
        ym.atDay(1).atStartOfDay(zone).toInstant(),
        ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
        page,
        true);
  }

  /** A yearly archive in the site's time zone. */
  public PostPage year(int year, int page) {
    YearMonth first = yearMonth(year, 1);
    ZoneId zone = site().timeZone();
    return between(
        first.atDay(1).atStartOfDay(zone).toInstant(),
        first.plusYears(1).atDay(1).atStartOfDay(zone).toInstant(),
        page,
        true);
  }

  private PostPage between(Instant from, Instant to, int page, boolean mustHavePosts) {
    Instant now = clock.instant();
    int perPage = site().postsPerPage();
    checkPage(page);
    PostPage result =
        page(
            page,
            perPage,
            (limit, offset) -> posts.listVisibleBetween(from, to, now, limit, offset));
    if (mustHavePosts && result.posts().isEmpty()) {
      throw new NotFoundException("no posts in this archive");
    }
    return result;
  }

  /** A category or tag archive. */
  public TermArchive term(Taxonomy taxonomy, String slug, int page) {
    Term term =
        terms
            .findBySlug(taxonomy, slug)
            .orElseThrow(() -> new NotFoundException(taxonomy.dbValue() + " " + slug));
    Instant now = clock.instant();
    int perPage = site().postsPerPage();
    checkPage(page);
    return new TermArchive(
        term,
        page(
            page,
            perPage,
            (limit, offset) -> posts.listVisibleInTerm(term.id(), now, limit, offset)));
  }

  /** A visible post by slug, with the first page of its approved comments threaded. */
  public PostDetail post(String slug) {
    Post post = visiblePost(slug).orElseThrow(() -> new NotFoundException("post " + slug));
    return detail(post, Set.of(), discussion(), CommentPageRequest.first());
  }

  /** A page readers may open, by slug. */
  public Optional<Post> readablePage(String slug) {
    return posts.findReadablePageBySlug(slug, clock.instant());
  }

  /**
   * The first page of the comments of {@code post} as {@link #detail(Post, Set, DiscussionSettings,
   * CommentPageRequest)} has them.
   */
  public PostDetail detail(Post post, Set<Long> ownCommentIds) {
    return detail(post, ownCommentIds, discussion(), CommentPageRequest.first());
  }

  /**
   * A post or page readers may see, with the page {@code wanted} of its approved comments threaded,
   * and also those of {@code ownCommentIds} that still await moderation: a commenter sees their own
   * held comments in place. Not found if it is not (or no longer) visible. A page of comments costs
   * about the same on a post with 50 comments or 50,000.
   */
  public PostDetail detail(
      Post post,
      Set<Long> ownCommentIds,
      DiscussionSettings discussion,
      CommentPageRequest wanted) {
    if (!post.isVisibleAt(clock.instant())) {
      throw new NotFoundException("post " + post.id());
    }
    PostSummary summary = summaries(List.of(post)).get(0);
    CommentPages.Page page =
        paging.page(post.id(), summary.commentCount(), ownCommentIds, discussion, wanted);
    Set<Long> identityIds = new HashSet<>();
    page.threads().forEach(t -> identitiesIn(t, identityIds));
    return new PostDetail(
        summary, page.threads(), page.page(), page.totalPages(), identities.findAll(identityIds));
  }

  /** The page of {@code post}'s comments that shows comment {@code commentId} to its writer. */
  public int commentPageOf(Post post, long commentId, DiscussionSettings discussion) {
    Set<Long> own = Set.of(commentId);
    int approved = comments.approvedCounts(Set.of(post.id())).getOrDefault(post.id(), 0);
    return paging.pageOf(post.id(), approved, own, discussion, commentId);
  }

  private static void identitiesIn(ThreadedComment thread, Set<Long> into) {
    if (thread.comment().identityId() != null) {
      into.add(thread.comment().identityId());
    }
    thread.replies().forEach(reply -> identitiesIn(reply, into));
  }

  private DiscussionSettings discussion() {
    return DiscussionSettings.from(settings.content());
  }

  /**
   * One comment of {@code post} as {@link #detail} would thread it for a browser that wrote {@code
   * ownCommentIds}, without reading the rest of the post's comments: the answer to an in-place
   * submission costs the same on a post with 5 comments or 50,000. Its depth counts the ancestors
   * that browser sees (approved, or its own held ones), up to the first it does not see, as {@link
   * CommentThreads#build} nests them; it has no replies (it has just been written, or they are not
   * wanted). Empty if the comment is not on the post or that browser may not see it.
   */
  public Optional<CommentAlone> shownComment(Post post, Comment comment, Set<Long> ownCommentIds) {
    if (!shownOn(post, comment, ownCommentIds)) {
      return Optional.empty();
    }
    int depth = 1;
    Set<Long> seen = new HashSet<>(Set.of(comment.id()));
    for (Long up = comment.parentId(); up != null && seen.add(up); depth++) {
      Optional<Comment> parent = comments.findById(up).filter(c -> shownOn(post, c, ownCommentIds));
      if (parent.isEmpty()) {
        break;
      }
      up = parent.get().parentId();
    }
    Map<Long, CommenterIdentity> identity =
        comment.identityId() == null ? Map.of() : identities.findAll(Set.of(comment.identityId()));
    return Optional.of(new CommentAlone(new ThreadedComment(comment, depth, List.of()), identity));
  }

  private static boolean shownOn(Post post, Comment c, Set<Long> ownCommentIds) {
    return c.postId() == post.id()
        && (c.status() == CommentStatus.APPROVED
            || (c.status() == CommentStatus.PENDING && ownCommentIds.contains(c.id())));
  }

  /** A post (not a page) readers can see, by slug. */
  public Optional<Post> visiblePost(String slug) {
    return posts.findVisibleBySlug(slug, clock.instant());
  }

  /** A post readers can see, by id (the reply form names its post by id). */
  public Optional<Post> visiblePost(long id) {
    Instant now = clock.instant();
    return posts.findById(id).filter(p -> p.isVisibleAt(now));
  }

  /** The calendar day a post is filed under in its permalink, in the site's time zone. */
  public LocalDate permalinkDate(Post post) {
    return post.publishedAt().atZone(site().timeZone()).toLocalDate();
  }

  public Sidebar sidebar() {
    Instant now = clock.instant();
    ZoneId zone = site().timeZone();
    Map<YearMonth, Integer> months = new LinkedHashMap<>();
    for (Instant published : posts.visiblePublicationTimes(now)) {
      months.merge(YearMonth.from(published.atZone(zone)), 1, Integer::sum);
    }
    List<ArchiveMonth> archive = new ArrayList<>();
    months.forEach((ym, n) -> archive.add(new ArchiveMonth(ym.getYear(), ym.getMonthValue(), n)));
    return new Sidebar(
        posts.listVisible(now, RECENT_POSTS, 0),
        terms.withVisiblePostCounts(Taxonomy.CATEGORY, now),
        archive);
  }

  /** Checks the page exists before fetching it, so absurd page numbers never reach SQL. */
  /** Reads rows {@code limit} at {@code offset}, newest first. */
  private interface Rows {
    List<Post> read(int limit, int offset);
  }

  /**
   * One page of a listing. No count of the whole listing: one row past the page says whether an
   * older page exists, so a page costs the same on a blog of ten posts or a hundred thousand. Page
   * 1 always exists (perhaps empty); a later one only if it has posts.
   */
  private PostPage page(int page, int perPage, Rows rows) {
    long offset = (long) (page - 1) * perPage;
    if (offset > Integer.MAX_VALUE - perPage - 1) {
      throw new NotFoundException("page " + page);
    }
    List<Post> found = rows.read(perPage + 1, (int) offset);
    if (page > 1 && found.isEmpty()) {
      throw new NotFoundException("page " + page);
    }
    boolean older = found.size() > perPage;
    return new PostPage(summaries(older ? found.subList(0, perPage) : found), page, older);
  }

  /** Visible posts with what readers see around them (author, terms, comment count), in order. */
  public List<PostSummary> summaries(List<Post> rows) {
    Set<Long> ids = rows.stream().map(Post::id).collect(Collectors.toSet());
    Set<Long> authorIds = rows.stream().map(Post::authorId).collect(Collectors.toSet());
    Map<Long, List<Term>> termsByPost = terms.forPosts(ids);
    Map<Long, Integer> counts = comments.approvedCounts(ids);
    Map<Long, String> authors = users.displayNames(authorIds);
    List<PostSummary> result = new ArrayList<>();
    for (Post p : rows) {
      List<Term> postTerms = termsByPost.getOrDefault(p.id(), List.of());
      result.add(
          new PostSummary(
              p,
              authors.getOrDefault(p.authorId(), ""),
              postTerms.stream().filter(t -> t.taxonomy() == Taxonomy.CATEGORY).toList(),
              postTerms.stream().filter(t -> t.taxonomy() == Taxonomy.TAG).toList(),
              counts.getOrDefault(p.id(), 0)));
    }
    return result;
  }

  private static void checkPage(int page) {
    if (page < 1) {
      throw new NotFoundException("page " + page);
    }
  }

  private static YearMonth yearMonth(int year, int month) {
    try {
      if (year < 1000 || year > 9999) {
        throw new NotFoundException("year " + year);
      }
      return YearMonth.of(year, month);
    } catch (DateTimeException e) {
      throw new NotFoundException("month " + year + "-" + month);
    }
  }
}
