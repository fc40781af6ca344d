package blog.core.testing;

import blog.core.comment.CommentDraft;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.identity.Passwords;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.post.NewPost;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.text.MarkdownRenderer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/** Writes test data through the real repositories. */
public final class Fixtures {
  /**
   * Staff passwords as tests make them: Argon2id at 1 MiB and one pass, in a millisecond rather
   * than the tenth of a second or more the blog's own cost takes. The blog checks them as any
   * stored hash, at the cost written in it; {@code PasswordPolicyTest} and {@code StaffLoginTest}
   * hold the blog's own cost.
   */
  public static final Passwords PASSWORDS = Passwords.atCost(1024, 1);

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Jdbi jdbi;
  private final UserRepository users;
  private final PostRepository posts;
  private final CommentRepository comments;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final CommentRenderer commentRenderer = new CommentRenderer();

  public Fixtures(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.users = new UserRepository(jdbi);
    this.posts = new PostRepository(jdbi);
    this.comments = new CommentRepository(jdbi);
  }

  public static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
  }

  public long author(String displayName) {
    return users.insert(unique("user"), displayName, null, Role.AUTHOR, Instant.EPOCH);
  }

  public long post(long authorId, String title, PostStatus status, Instant publishedAt) {
    return post(authorId, title, status, publishedAt, List.of(), List.of());
  }

  public long post(
      long authorId,
      String title,
      PostStatus status,
      Instant publishedAt,
      List<String> categories,
      List<String> tags) {
    String body = "Body of " + title + ".";
    return posts.insert(
        new NewPost(
            unique("post"), title, body, "", status, authorId, true, publishedAt, categories, tags),
        markdown.render(body),
        publishedAt == null ? Instant.EPOCH : publishedAt);
  }

  /** A post with a Markdown body of the test's choosing. */
  public long postWithBody(
      long authorId, String title, String markdownBody, PostStatus status, Instant publishedAt) {
    return postWithBody(authorId, title, markdownBody, status, publishedAt, List.of());
  }

  /** A post with a Markdown body of the test's choosing, in the given categories. */
  public long postWithBody(
      long authorId,
      String title,
      String markdownBody,
      PostStatus status,
      Instant publishedAt,
      List<String> categories) {
    return posts.insert(
        new NewPost(
            unique("post"),
            title,
            markdownBody,
            "",
            status,
            authorId,
            true,
            publishedAt,
            categories,
            List.of()),
        markdown.render(markdownBody),
        publishedAt == null ? Instant.EPOCH : publishedAt);
  }

  public long comment(long postId, Long parentId, String name, String text, Instant at) {
    return comment(postId, parentId, name, text, at, CommentStatus.APPROVED);
  }

  public long comment(
      long postId, Long parentId, String name, String text, Instant at, CommentStatus status) {
    return comments.insert(
        new CommentDraft(
            postId,
            parentId,
            name,
            null,
            null,
            null,
            null,
            text,
            commentRenderer.render(text),
            status,
            null,
            at,
            "127.0.0.1",
            "test",
            null));
  }

  public void approve(long commentId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE comments SET status = 'approved' WHERE id = :id")
                .bind("id", commentId)
                .execute());
  }

  public void closeComments(long postId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE posts SET comment_status = 'closed' WHERE id = :id")
                .bind("id", postId)
                .execute());
  }

  /** The id of the comment on {@code postId} whose source text is {@code text}. */
  public long commentId(long postId, String text) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM comments WHERE post_id = :p AND body_source = :t")
                .bind("p", postId)
                .bind("t", text)
                .mapTo(Long.class)
                .one());
  }

  public int countComments(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM comments WHERE post_id = :id")
                .bind("id", postId)
                .mapTo(Integer.class)
                .one());
  }
}
