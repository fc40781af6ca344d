package blog.core.editor;

import blog.core.post.Post;
import blog.core.post.PostStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the post editor sent, entirely untrusted, and what a refused form is shown again with. The
 * web layer turns request fields into these types (the publish time in the site's time zone);
 * {@link PostChanges#from} checks every field.
 *
 * <p>{@code slug} blank means "make one from the title". {@code publishAt} null means "now" when
 * publishing (a published post keeps its date). {@code authorId} null means the post's current
 * author, or the acting user for a new post; only admins may name someone else.
 */
public record PostForm(
    String title,
    String slug,
    String bodyMarkdown,
    String excerpt,
    List<String> categories,
    List<String> tags,
    boolean commentsOpen,
    PostStatus status,
    Instant publishAt,
    Long authorId) {

  public PostForm {
    categories = categories == null ? List.of() : List.copyOf(categories);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** An empty form for a new post: a draft with comments open. */
  public static PostForm blank() {
    return new PostForm("", "", "", "", List.of(), List.of(), true, PostStatus.DRAFT, null, null);
  }

  /** The form showing a stored post as it is, to edit it. */
  public static PostForm of(Post post, List<String> categories, List<String> tags) {
    return new PostForm(
        post.title(),
        post.slug(),
        post.bodyMarkdown(),
        post.excerpt(),
        categories,
        tags,
        post.commentsOpen(),
        post.status(),
        post.publishedAt(),
        post.authorId());
  }

  /** The same form with other text (a revision or an autosave being restored). */
  public PostForm withText(PostText text) {
    return new PostForm(
        text.title(),
        slug,
        text.bodyMarkdown(),
        text.excerpt(),
        categories,
        tags,
        commentsOpen,
        status,
        publishAt,
        authorId);
  }

  public PostText text() {
    return new PostText(title, bodyMarkdown, excerpt);
  }

  /** Splits a comma-separated field such as "Java, Web, Café" into names (blanks dropped). */
  public static List<String> names(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
