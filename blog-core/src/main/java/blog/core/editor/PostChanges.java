package blog.core.editor;

import blog.core.comment.FieldError;
import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.text.OneLine;
import blog.core.text.Slugs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A post form after its fields were checked: only what an editor may set, normalised, with the
 * publication time decided. Ids, versions, the final (unique) slug and the rendered HTML are the
 * server's to set.
 *
 * @param slug the requested slug, or null to make one from the title
 */
public record PostChanges(
    PostText text,
    String slug,
    List<String> categories,
    List<String> tags,
    boolean commentsOpen,
    PostStatus status,
    Instant publishedAt,
    long authorId) {

  public static final int MAX_TITLE = 500;
  public static final int MAX_SLUG = 200;
  public static final int MAX_EXCERPT = 2000;
  public static final int MAX_BODY = 1_000_000;
  public static final int MAX_TERM_NAME = 200;
  public static final int MAX_TERMS = 100;

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public PostChanges {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
  }

  /** Either the checked changes or every field error at once. */
  public record Checked(PostChanges changes, List<FieldError> errors) {
    public Checked {
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Checks a form for a new post ({@code stored} null) or for changes to {@code stored}. Whether a
   * named author exists is for the caller to check (it needs the database).
   */
  public static Checked from(PostForm form, Actor actor, Post stored, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String title = oneLine(form.title());
    if (title.isEmpty()) {
      errors.add(new FieldError("title", "Please give the post a title."));
    } else if (title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "The title is too long (at most " + MAX_TITLE + ")."));
    }
    String slug = oneLine(form.slug()).toLowerCase(Locale.ROOT);
    if (slug.length() > MAX_SLUG) {
      errors.add(new FieldError("slug", "The slug is too long (at most " + MAX_SLUG + ")."));
    } else if (!slug.isEmpty() && !SLUG.matcher(slug).matches()) {
      errors.add(
          new FieldError(
              "slug", "Use only letters a-z, digits and single dashes between them in the slug."));
    }
    String body = PostText.normalise(form.bodyMarkdown());
    if (body.length() > MAX_BODY) {
      errors.add(new FieldError("body", "The text is too long (at most " + MAX_BODY + ")."));
    }
    String excerpt = PostText.normalise(form.excerpt()).strip();
    if (excerpt.length() > MAX_EXCERPT) {
      errors.add(
          new FieldError("excerpt", "The excerpt is too long (at most " + MAX_EXCERPT + ")."));
    }
    List<String> categories = names(form.categories(), "categories", errors);
    List<String> tags = names(form.tags(), "tags", errors);
    long authorId = author(form, actor, stored, errors);
    Instant publishedAt = publicationTime(form, stored, now, errors);
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    return new Checked(
        new PostChanges(
            new PostText(title, body, excerpt),
            slug.isEmpty() ? null : slug,
            categories,
            tags,
            form.commentsOpen(),
            form.status(),
            publishedAt,
            authorId),
        List.of());
  }

  private static long author(PostForm form, Actor actor, Post stored, List<FieldError> errors) {
    long current = stored == null ? actor.userId() : stored.authorId();
    if (form.authorId() == null || form.authorId() == current) {
      return current;
    }
    if (!actor.isAdmin()) {
      errors.add(new FieldError("author", "Only an admin may choose another author."));
    }
    return form.authorId();
  }

  /**
   * Publishing without a time means now, except that a post readers already see keeps its date.
   * Scheduling needs a future time, except for a scheduled post whose time came while it was being
   * edited (it is published already, by time alone). Drafts keep whatever time was given.
   */
  private static Instant publicationTime(
      PostForm form, Post stored, Instant now, List<FieldError> errors) {
    Instant at = form.publishAt();
    if (form.status() == null || form.status() == PostStatus.TRASH) {
      errors.add(new FieldError("status", "Choose draft, published or scheduled."));
      return null;
    }
    switch (form.status()) {
      case PUBLISHED:
        if (at == null) {
          return stored != null && stored.isVisibleAt(now) ? stored.publishedAt() : now;
        }
        if (at.isAfter(now)) {
          errors.add(
              new FieldError(
                  "publishAt", "That time is in the future: schedule the post instead."));
        }
        return at;
      case SCHEDULED:
        if (at == null) {
          errors.add(new FieldError("publishAt", "Choose when the post should appear."));
        } else if (!at.isAfter(now) && !cameDue(stored, at)) {
          errors.add(
              new FieldError(
                  "publishAt", "That time has passed: choose a later one, or publish now."));
        }
        return at;
      default:
        return at;
    }
  }

  private static boolean cameDue(Post stored, Instant at) {
    return stored != null
        && stored.status() == PostStatus.SCHEDULED
        && at.equals(stored.publishedAt());
  }

  /** Cleaned names, one per slug (the term they would name), blanks dropped. */
  private static List<String> names(List<String> raw, String field, List<FieldError> errors) {
    Map<String, String> bySlug = new LinkedHashMap<>();
    for (String name : raw) {
      String clean = oneLine(name).replaceAll("\\s+", " ");
      if (clean.isEmpty()) {
        continue;
      }
      if (clean.length() > MAX_TERM_NAME) {
        errors.add(new FieldError(field, "\"" + abbreviate(clean) + "\" is too long."));
        continue;
      }
      bySlug.putIfAbsent(Slugs.slugify(clean), clean);
    }
    if (bySlug.size() > MAX_TERMS) {
      errors.add(new FieldError(field, "At most " + MAX_TERMS + " " + field + ", please."));
    }
    return List.copyOf(bySlug.values());
  }

  private static String oneLine(String value) {
    return OneLine.clean(value, " ");
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
