package blog.core.feed;

import blog.core.NotFoundException;
import blog.core.post.Listing;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostSummary;
import blog.core.reading.BlogReader;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.core.taxonomy.TermRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the feeds carry: the newest visible posts (all, or of one category or tag) and the newest
 * approved comments (site-wide, or of one visible post). Nothing else ever reaches a feed.
 */
public final class FeedReader {
  /** Items per feed, WordPress's default for "Syndication feeds show the most recent". */
  public static final int ITEMS = 10;

  private final BlogReader reader;
  private final PostRepository posts;
  private final TermRepository terms;
  private final FeedCommentRepository comments;
  private final Clock clock;

  public FeedReader(
      BlogReader reader,
      PostRepository posts,
      TermRepository terms,
      FeedCommentRepository comments,
      Clock clock) {
    this.reader = reader;
    this.posts = posts;
    this.terms = terms;
    this.comments = comments;
    this.clock = clock;
  }

  /** The newest visible posts, newest first. */
  public List<PostSummary> latestPosts() {
    return reader.summaries(posts.listVisible(clock.instant(), ITEMS, 0));
  }

  /** A category or tag with its newest visible posts; unknown slugs are not found. */
  public TermPosts latestPosts(Taxonomy taxonomy, String slug) {
    Term term =
        terms
            .findBySlug(taxonomy, slug)
            .orElseThrow(() -> new NotFoundException(taxonomy.dbValue() + " " + slug));
    return new TermPosts(
        term,
        reader.summaries(posts.list(new Listing.OfTerm(term.id()), clock.instant(), ITEMS, 0)));
  }

  /** The newest approved comments on visible posts. */
  public List<FeedComment> latestComments() {
    return comments.latest(clock.instant(), ITEMS);
  }

  /** A visible post with its newest approved comments; other posts are not found. */
  public PostComments latestComments(String slug) {
    Instant now = clock.instant();
    Post post =
        posts.findVisibleBySlug(slug, now).orElseThrow(() -> new NotFoundException("post " + slug));
    return new PostComments(
        reader.summaries(List.of(post)).get(0), comments.latestOn(post.id(), now, ITEMS));
  }

  /** A category or tag and its newest posts. */
  public record TermPosts(Term term, List<PostSummary> posts) {
    public TermPosts {
      posts = List.copyOf(posts);
    }
  }

  /** A post and its newest approved comments. */
  public record PostComments(PostSummary post, List<FeedComment> comments) {
    public PostComments {
      comments = List.copyOf(comments);
    }
  }
}
