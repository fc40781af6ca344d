package blog.core.editor;

import blog.core.post.PostStatus;
import java.time.Instant;
import java.util.List;

/** Builds editor forms in tests, field by field. */
final class Form {
  private String title = "A title";
  private String slug = "";
  private String body = "";
  private String excerpt = "";
  private List<String> categories = List.of();
  private List<String> tags = List.of();
  private boolean commentsOpen = true;
  private PostStatus status = PostStatus.DRAFT;
  private Instant publishAt;
  private Long authorId;

  static Form draft(String title, String body) {
    return new Form().title(title).body(body);
  }

  static Form published(String title, String body) {
    return draft(title, body).status(PostStatus.PUBLISHED);
  }

  static Form of(PostForm f) {
    Form form = new Form();
    form.title = f.title();
    form.slug = f.slug();
    form.body = f.bodyMarkdown();
    form.excerpt = f.excerpt();
    form.categories = f.categories();
    form.tags = f.tags();
    form.commentsOpen = f.commentsOpen();
    form.status = f.status();
    form.publishAt = f.publishAt();
    form.authorId = f.authorId();
    return form;
  }

  Form title(String value) {
    title = value;
    return this;
  }

  Form slug(String value) {
    slug = value;
    return this;
  }

  Form body(String value) {
    body = value;
    return this;
  }

  Form excerpt(String value) {
    excerpt = value;
    return this;
  }

  Form categories(String... names) {
    categories = List.of(names);
    return this;
  }

  Form tags(String... names) {
    tags = List.of(names);
    return this;
  }

  Form commentsOpen(boolean value) {
    commentsOpen = value;
    return this;
  }

  Form status(PostStatus value) {
    status = value;
    return this;
  }

  Form publishAt(Instant value) {
    publishAt = value;
    return this;
  }

  Form author(Long value) {
    authorId = value;
    return this;
  }

  PostForm build() {
    return new PostForm(
        title, slug, body, excerpt, categories, tags, commentsOpen, status, publishAt, authorId);
  }
}
