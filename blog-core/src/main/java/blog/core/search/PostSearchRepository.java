package blog.core.search;

import blog.core.post.Post;
import java.time.Instant;
import java.util.List;

/**
 * Finds visible posts whose title or body matches a query. Matches in the title come before matches
 * only in the body; within each, newer posts come first.
 */
public interface PostSearchRepository {
  int count(SearchQuery query, Instant now);

  List<Post> find(SearchQuery query, Instant now, int limit, int offset);
}
