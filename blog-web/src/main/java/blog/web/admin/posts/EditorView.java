package blog.web.admin.posts;

import blog.core.editor.PostForm;
import blog.core.post.PostStatus;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The editor's fields as the page shows them (typed text kept as typed), and the way back from the
 * request to a {@link PostForm}. {@code status} is "draft", "publish" or "schedule"; {@code
 * publishAt} a datetime-local value in the site's time zone.
 */
public record EditorView(
    long id,
    String title,
    String slug,
    String body,
    String excerpt,
    String categories,
    String tags,
    boolean commentsOpen,
    String status,
    String publishAt,
    int version,
    String draftKey,
    String authorId) {
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  public boolean isNew() {
    return id == 0;
  }

  public String action() {
    return isNew() ? "/admin/posts" : "/admin/posts/" + id;
  }

  static EditorView of(long id, PostForm form, int version, String draftKey, ZoneId zone) {
    return new EditorView(
        id,
        form.title(),
        form.slug(),
        form.bodyMarkdown(),
        form.excerpt(),
        String.join(", ", form.categories()),
        String.join(", ", form.tags()),
        form.commentsOpen(),
        switch (form.status()) {
          case PUBLISHED -> "publish";
          case SCHEDULED -> "schedule";
          default -> "draft";
        },
        form.publishAt() == null ? "" : LOCAL.format(form.publishAt().atZone(zone)),
        version,
        draftKey,
        form.authorId() == null ? "" : Long.toString(form.authorId()));
  }

  static EditorView from(Context ctx, long id) {
    return new EditorView(
        id,
        field(ctx, "title"),
        field(ctx, "slug"),
        field(ctx, "body"),
        field(ctx, "excerpt"),
        field(ctx, "categories"),
        field(ctx, "tags"),
        ctx.formParam("comments_open") != null,
        field(ctx, "status"),
        field(ctx, "publish_at"),
        AdminScreens.version(ctx),
        field(ctx, "draft_key"),
        field(ctx, "author_id"));
  }

  /** The form the domain checks; only the fields an author may set. */
  PostForm toForm(ZoneId zone) {
    PostStatus chosen =
        switch (status) {
          case "publish" -> PostStatus.PUBLISHED;
          case "schedule" -> PostStatus.SCHEDULED;
          default -> PostStatus.DRAFT;
        };
    Instant at = chosen == PostStatus.SCHEDULED ? parse(publishAt, zone) : null;
    return new PostForm(
        title,
        slug,
        body,
        excerpt,
        PostForm.names(categories),
        PostForm.names(tags),
        commentsOpen,
        chosen,
        at,
        author());
  }

  /** The chosen author: none (keep the current one) when blank; unknown ids are refused later. */
  private Long author() {
    if (authorId.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(authorId.strip());
    } catch (NumberFormatException e) {
      return 0L;
    }
  }

  EditorView withVersion(int newVersion) {
    return new EditorView(
        id,
        title,
        slug,
        body,
        excerpt,
        categories,
        tags,
        commentsOpen,
        status,
        publishAt,
        newVersion,
        draftKey,
        authorId);
  }

  private static Instant parse(String local, ZoneId zone) {
    try {
      return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String field(Context ctx, String name) {
    return AdminScreens.nonNull(ctx.formParam(name));
  }
}
