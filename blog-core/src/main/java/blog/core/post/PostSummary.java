package blog.core.post;

import blog.core.taxonomy.Term;
import java.util.List;

/**
 * A visible post with what a reader sees around it: author (name, and the slug of their archive),
 * terms and approved-comment count.
 */
public record PostSummary(
    Post post,
    String authorName,
    String authorSlug,
    List<Term> categories,
    List<Term> tags,
    int commentCount) {
  public PostSummary {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
  }
}
