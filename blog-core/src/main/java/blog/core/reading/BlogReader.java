package blog.core.reading;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentPages;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.CommentThreads;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.ThreadKey;
import blog.core.comment.ThreadedComment;
import blog.core.identity.Byline;
import blog.core.identity.CommenterIdentity;
import blog.core.identity.IdentityRepository;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.post.Listing;
import blog.core.post.ListingKey;
import blog.core.post.Post;
import blog.core.post.PostPage;
import blog.core.post.PostRepository;
import blog.core.post.PostSummary;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteLook;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.core.taxonomy.TermCount;
import blog.core.taxonomy.TermRepository;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

  /** The site's look: accent colour, footer text, full posts or excerpts, menu and logo. */
  public SiteLook look() {
    return SiteLook.from(settings.content());
  }

  /**
   * The listings below come twice: with {@link PageStarts}, a page after the first is a keyset read
   * from where it starts (the same cost on page 2 or page 5,000); without, it skips the rows before
   * it (what the starts are checked against). Page 1 always exists, perhaps empty; a later page
   * only if it has posts.
   */
  private static final PageStarts NO_STARTS = (listing, page) -> null;

  private static final ThreadStarts NO_THREAD_STARTS = (postId, newestFirst, page) -> null;

  /** The home page listing, newest first. */
  public PostPage home(int page) {
    return home(page, NO_STARTS);
  }

  /** The home page listing, pages after the first read from where {@code starts} puts them. */
  public PostPage home(int page, PageStarts starts) {
    return page(Listing.ALL, page, starts);
  }

  /**
   * Where the pages of {@code listing} start, through page {@code page} at least: {@code known}
   * (made for this listing as it is now, or null) extended as {@link KeyedPages#through} does,
   * along the listing's index.
   */
  public KeyedPages<ListingKey> listingPages(
      Listing listing, KeyedPages<ListingKey> known, int page) {
    Instant now = clock.instant();
    return KeyedPages.through(
        known,
        site().postsPerPage(),
        page,
        (every, from, limit) -> posts.keysEvery(listing, now, every, from, limit));
  }

  /** A monthly archive in the site's time zone. */
  public PostPage month(int year, int month, int page) {
    return month(year, month, page, NO_STARTS);
  }

  public PostPage month(int year, int month, int page, PageStarts starts) {
    YearMonth ym = yearMonth(year, month);
    ZoneId zone = site().timeZone();
    return between(
        ym.atDay(1).atStartOfDay(zone).toInstant(),
        ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
        page,
        starts);
  }

  /** A yearly archive in the site's time zone. */
  public PostPage year(int year, int page) {
    return year(year, page, NO_STARTS);
  }

  public PostPage year(int year, int page, PageStarts starts) {
    YearMonth first = yearMonth(year, 1);
    ZoneId zone = site().timeZone();
    return between(
        first.atDay(1).atStartOfDay(zone).toInstant(),
        first.plusYears(1).atDay(1).atStartOfDay(zone).toInstant(),
        page,
        starts);
  }

  /** A daily archive in the site's time zone. */
  public PostPage day(LocalDate date, int page, PageStarts starts) {
    yearMonth(date.getYear(), date.getMonthValue());
    ZoneId zone = site().timeZone();
    return between(
        date.atStartOfDay(zone).toInstant(),
        date.plusDays(1).atStartOfDay(zone).toInstant(),
        page,
        starts);
  }

  /**
   * An author's archive, by the slug of {@link Byline}: their visible posts, newest first. Not
   * found for a name no one has, nor for staff with no visible post (whose names readers have no
   * business learning from it).
   */
  public AuthorArchive author(String slug, int page, PageStarts starts) {
    User user =
        users.findByArchiveSlug(slug).orElseThrow(() -> new NotFoundException("author " + slug));
    PostPage posts = page(new Listing.ByAuthor(user.id()), page, starts);
    if (posts.posts().isEmpty()) {
      throw new NotFoundException("no posts by author " + slug);
    }
    return new AuthorArchive(new Byline(user.displayName(), Byline.slugOf(user.username())), posts);
  }

  private PostPage between(Instant from, Instant to, int page, PageStarts starts) {
    PostPage result = page(new Listing.Between(from, to), page, starts);
    if (result.posts().isEmpty()) {
      throw new NotFoundException("no posts in this archive");
    }
    return result;
  }

  /** A category or tag archive. */
  public TermArchive term(Taxonomy taxonomy, String slug, int page) {
    return term(taxonomy, slug, page, NO_STARTS);
  }

  public TermArchive term(Taxonomy taxonomy, String slug, int page, PageStarts starts) {
    Term term =
        terms
            .findBySlug(taxonomy, slug)
            .orElseThrow(() -> new NotFoundException(taxonomy.dbValue() + " " + slug));
    return new TermArchive(term, page(new Listing.OfTerm(term.id()), page, starts));
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
    return detail(post, ownCommentIds, discussion, wanted, NO_THREAD_STARTS);
  }

  /**
   * As {@link #detail(Post, Set, DiscussionSettings, CommentPageRequest)}, a later comment page
   * read from where {@code starts} says it starts (a browser with held comments of its own has its
   * pages threaded from the discussion's outline instead).
   */
  public PostDetail detail(
      Post post,
      Set<Long> ownCommentIds,
      DiscussionSettings discussion,
      CommentPageRequest wanted,
      ThreadStarts starts) {
    if (!post.isVisibleAt(clock.instant())) {
      throw new NotFoundException("post " + post.id());
    }
    PostSummary summary = summaries(List.of(post)).get(0);
    CommentPages.Page page =
        paging.page(post.id(), summary.commentCount(), ownCommentIds, discussion, wanted, starts);
    Set<Long> identityIds = new HashSet<>();
    page.threads().forEach(t -> identitiesIn(t, identityIds));
    return new PostDetail(
        summary, page.threads(), page.page(), page.totalPages(), identities.findAll(identityIds));
  }

  /**
   * Where the comment pages of post {@code postId} start for a browser with no held comments,
   * threads oldest or newest first, through page {@code page} at least (see {@link
   * KeyedPages#through}), as many threads a page as the discussion settings say.
   */
  public KeyedPages<ThreadKey> threadPages(
      long postId, boolean newestFirst, KeyedPages<ThreadKey> known, int page) {
    return paging.threadPages(postId, newestFirst, discussion(), known, page);
  }

  /** The page of {@code post}'s comments that shows comment {@code commentId} to its writer. */
  public int commentPageOf(Post post, long commentId, DiscussionSettings discussion) {
    return commentPageOf(post, commentId, discussion, NO_THREAD_STARTS);
  }

  /**
   * As {@link #commentPageOf(Post, long, DiscussionSettings)}, found among where {@code starts}
   * says the comment pages start.
   */
  public int commentPageOf(
      Post post, long commentId, DiscussionSettings discussion, ThreadStarts starts) {
    Set<Long> own = Set.of(commentId);
    int approved = comments.approvedCounts(Set.of(post.id())).getOrDefault(post.id(), 0);
    return paging.pageOf(post.id(), approved, own, discussion, commentId, starts);
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

  /**
   * What the sidebar sums up: recent posts, categories with their numbers of visible posts, and
   * months with theirs. One pass over the listing index gives the months and which posts are
   * visible; the categories' links are then counted against those, in memory: joining every link to
   * its post's row read every post of the blog, bodies and all (a second at 100,000 posts), on the
   * first page after each change to a post.
   */
  public Sidebar sidebar() {
    Instant now = clock.instant();
    ZoneId zone = site().timeZone();
    Map<YearMonth, Integer> months = new LinkedHashMap<>();
    long[][] visible = {new long[1024]};
    int[] count = {0};
    posts.forEachVisible(
        now,
        (id, published) -> {
          months.merge(YearMonth.from(published.atZone(zone)), 1, Integer::sum);
          if (count[0] == visible[0].length) {
            visible[0] = Arrays.copyOf(visible[0], count[0] * 2);
          }
          visible[0][count[0]++] = id;
        });
    long[] ids = Arrays.copyOf(visible[0], count[0]);
    Arrays.sort(ids);
    List<Term> categories = terms.inNameOrder(Taxonomy.CATEGORY);
    Map<Long, Integer> counts = new HashMap<>();
    terms.forEachLink(
        categories.stream().map(Term::id).toList(),
        (termId, postId) -> {
          if (Arrays.binarySearch(ids, postId) >= 0) {
            counts.merge(termId, 1, Integer::sum);
          }
        });
    List<TermCount> withPosts = new ArrayList<>();
    for (Term category : categories) {
      Integer n = counts.get(category.id());
      if (n != null) {
        withPosts.add(new TermCount(category, n));
      }
    }
    List<ArchiveMonth> archive = new ArrayList<>();
    months.forEach((ym, n) -> archive.add(new ArchiveMonth(ym.getYear(), ym.getMonthValue(), n)));
    return new Sidebar(posts.listVisible(now, RECENT_POSTS, 0), withPosts, archive);
  }

  /**
   * Page {@code page} of a listing. No count of the whole listing: one row past the page says
   * whether an older page exists, so a page costs the same on a blog of ten posts or a hundred
   * thousand. Absurd page numbers never reach SQL. Starts made for another page size are not used.
   */
  private PostPage page(Listing listing, int page, PageStarts starts) {
    if (page < 1) {
      throw new NotFoundException("page " + page);
    }
    Instant now = clock.instant();
    int perPage = site().postsPerPage();
    List<Post> found;
    KeyedPages<ListingKey> pages = page == 1 ? null : starts.of(listing, page);
    if (pages != null && pages.perPage() == perPage && pages.covers(page)) {
      ListingKey start = pages.start(page).orElseThrow(() -> new NotFoundException("page " + page));
      found = posts.listFrom(listing, now, start, perPage + 1);
    } else {
      long offset = (long) (page - 1) * perPage;
      if (offset > Integer.MAX_VALUE - perPage - 1) {
        throw new NotFoundException("page " + page);
      }
      found = posts.list(listing, now, perPage + 1, (int) offset);
    }
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
    Map<Long, Byline> authors = users.bylines(authorIds);
    List<PostSummary> result = new ArrayList<>();
    for (Post p : rows) {
      List<Term> postTerms = termsByPost.getOrDefault(p.id(), List.of());
      Byline author = authors.getOrDefault(p.authorId(), Byline.NONE);
      result.add(
          new PostSummary(
              p,
              author.name(),
              author.slug(),
              postTerms.stream().filter(t -> t.taxonomy() == Taxonomy.CATEGORY).toList(),
              postTerms.stream().filter(t -> t.taxonomy() == Taxonomy.TAG).toList(),
              counts.getOrDefault(p.id(), 0)));
    }
    return result;
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
