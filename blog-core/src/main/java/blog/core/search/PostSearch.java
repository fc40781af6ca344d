package blog.core.search;

import blog.core.NotFoundException;
import blog.core.post.PostPage;
import blog.core.post.PostSummary;
import blog.core.reading.BlogReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The reader's search over published posts, paginated like every listing. */
public final class PostSearch {
  private final PostSearchRepository repository;
  private final BlogReader reader;
  private final Clock clock;

  public PostSearch(PostSearchRepository repository, BlogReader reader, Clock clock) {
    this.repository = repository;
    this.reader = reader;
    this.clock = clock;
  }

  /**
   * Page {@code page} of the posts matching {@code raw}. Page 1 always exists (perhaps empty);
   * later pages only when filled, so absurd page numbers never reach the database.
   */
  public SearchResults search(String raw, int page) {
    if (page < 1) {
      throw new NotFoundException("page " + page);
    }
    SearchQuery query = SearchQuery.parse(raw);
    Instant now = clock.instant();
    int perPage = reader.site().postsPerPage();
    int total = repository.count(query, now);
    int totalPages = Math.max(1, (total + perPage - 1) / perPage);
    if (page > totalPages) {
      throw new NotFoundException("search page " + page);
    }
    List<PostSummary> posts =
        total == 0
            ? List.of()
            : reader.summaries(repository.find(query, now, perPage, (page - 1) * perPage));
    return new SearchResults(query, new PostPage(posts, page, page < totalPages), total);
  }
}
