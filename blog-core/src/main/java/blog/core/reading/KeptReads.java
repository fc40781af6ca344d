package blog.core.reading;

import blog.core.change.VersionMemos;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.ThreadedComment;
import blog.core.post.Post;
import blog.core.post.PostPage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a post's page reads for every reader with no held comments of their own — the post by its
 * slug, and a page of its approved comments with the commenters they name — read once per version
 * of what it shows and kept ({@link VersionMemos}): a post's page costs no query until its
 * comments, its commenters or the listing change, on a post with 2 comments or 2,000. A reader with
 * held comments of their own (which only they see) is read for alone, every time.
 */
public final class KeptReads {
  /** About how many comments the kept pages of comments may hold together. */
  static final long COMMENTS = 10_000;

  private record DetailKey(
      Post post, DiscussionSettings discussion, CommentPageRequest wanted, ThreadStarts starts) {}

  private final BlogReader reader;
  private final Function<String, Optional<Post>> bySlug;
  private final Function<DetailKey, PostDetail> details;
  private final Function<Integer, PostPage> home;

  /** {@code starts}: where the home page's pages start (kept as well). */
  public KeptReads(BlogReader reader, VersionMemos memos, PageStarts starts) {
    this.reader = reader;
    this.home =
        memos.perListingOf(
            page -> reader.home(page, starts),
            shown -> shown.posts().stream().map(s -> s.post().id()).toList());
    // A post's slug, status and date are the listing's: a change to any raises its version, and a
    // scheduled post ends what was kept when it falls due.
    this.bySlug = memos.perListingVersionEach(reader::visiblePost);
    this.details =
        memos.perPostVersionWeighed(
            key ->
                reader.detail(key.post(), Set.of(), key.discussion(), key.wanted(), key.starts()),
            key -> key.post().id(),
            detail -> count(detail.comments()),
            COMMENTS);
  }

  /** {@link BlogReader#home(int, PageStarts)}: page {@code page} of the home page, kept. */
  public PostPage home(int page) {
    return home.apply(page);
  }

  /** {@link BlogReader#visiblePost(String)}, kept per listing version. */
  public Optional<Post> visiblePost(String slug) {
    return bySlug.apply(slug);
  }

  /**
   * {@link BlogReader#detail(Post, Set, DiscussionSettings, CommentPageRequest, ThreadStarts)}:
   * kept per version of the post's page when {@code ownCommentIds} is empty, read afresh otherwise.
   */
  public PostDetail detail(
      Post post,
      Set<Long> ownCommentIds,
      DiscussionSettings discussion,
      CommentPageRequest wanted,
      ThreadStarts starts) {
    if (!ownCommentIds.isEmpty()) {
      return reader.detail(post, ownCommentIds, discussion, wanted, starts);
    }
    return details.apply(new DetailKey(post, discussion, wanted, starts));
  }

  private static int count(List<ThreadedComment> threads) {
    int n = 0;
    for (ThreadedComment thread : threads) {
      n += 1 + count(thread.replies());
    }
    return n;
  }
}
