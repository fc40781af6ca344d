package blog.core.editor;

import blog.core.post.PostStatus;
import blog.core.taxonomy.Term;
import java.time.Instant;
import java.util.List;

/**
 * One row of the admin's post list. {@code visible} says whether readers see it now (a scheduled
 * post whose time has come is shown as published); {@code editable} whether the acting user may
 * change it; {@code page} whether it is a page rather than a post.
 */
public record PostListItem(
    long id,
    String title,
    String slug,
    PostStatus status,
    boolean visible,
    long authorId,
    String authorName,
    Instant publishedAt,
    Instant updatedAt,
    int version,
    List<Term> categories,
    List<Term> tags,
    boolean editable,
    boolean page) {

  public PostListItem {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
  }

  /** The status a person means: due scheduled posts are published. */
  public PostStatus shownStatus() {
    return status == PostStatus.SCHEDULED && visible ? PostStatus.PUBLISHED : status;
  }
}
