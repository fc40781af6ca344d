package blog.core.post;

import java.time.Instant;
import java.util.List;

/**
 * What is needed to store a post. The HTML is not part of it: the repository's caller renders it
 * from the Markdown with {@link MarkdownRenderer}, so stored HTML is always our own sanitised
 * output.
 */
public record NewPost(
    String slug,
    String title,
    String bodyMarkdown,
    String excerpt,
    PostStatus status,
    long authorId,
    boolean commentsOpen,
    Instant publishedAt,
    List<String> categories,
    List<String> tags) {

  public NewPost {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
  }
}
