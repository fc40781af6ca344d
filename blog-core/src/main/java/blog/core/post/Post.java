package blog.core.post;

import java.time.Instant;

/**
 * A post (or a page, by {@code type}) as stored: its Markdown source and the sanitised HTML
 * rendered from it.
 */
public record Post(
    long id,
    String slug,
    String title,
    String bodyMarkdown,
    String bodyHtml,
    String excerpt,
    PostStatus status,
    long authorId,
    boolean commentsOpen,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    int version,
    PostType type) {

  public boolean isPage() {
    return type == PostType.PAGE;
  }

  /** Whether readers see it at {@code now}: published, or scheduled and due. */
  public boolean isVisibleAt(Instant now) {
    return (status == PostStatus.PUBLISHED || status == PostStatus.SCHEDULED)
        && publishedAt != null
        && !publishedAt.isAfter(now);
  }
}
