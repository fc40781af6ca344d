package blog.core.seed;

import blog.core.comment.CommentDraft;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.db.Transactions;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.post.NewPost;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.text.MarkdownRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a brand-new blog with the article it reproduces ("Why quality social networking beats
 * quantity every time") and its two responses, so a newcomer's first page is a real site.
 */
public final class SeedContent {
  public static final String TITLE = "Why quality social networking beats quantity every time";
  public static final String SLUG = "why-quality-social-networking-beats-quantity-every-time";
  public static final Instant PUBLISHED = Instant.parse("2011-09-14T08:30:00Z");
  public static final String FIRST_RESPONSE =
      "As a newbie to this social networking and slowly getting my head around this all, this"
          + " blog was particularly interesting.\nThanks – I will certainly follow this advice.";
  public static final String SECOND_RESPONSE =
      "I am with you. How sincere is it to have over 1000 ‘friends’ on face book. From my own"
          + " experience people who do are more often than not ‘shallow’ in the real world too.";

  private static final Logger LOG = LoggerFactory.getLogger(SeedContent.class);

  private final Transactions transactions;
  private final UserRepository users;
  private final PostRepository posts;
  private final CommentRepository comments;
  private final SettingsRepository settings;
  private final MarkdownRenderer markdown;
  private final CommentRenderer commentRenderer;

  public SeedContent(
      Transactions transactions,
      UserRepository users,
      PostRepository posts,
      CommentRepository comments,
      SettingsRepository settings,
      MarkdownRenderer markdown,
      CommentRenderer commentRenderer) {
    this.transactions = transactions;
    this.users = users;
    this.posts = posts;
    this.comments = comments;
    this.settings = settings;
    this.markdown = markdown;
    this.commentRenderer = commentRenderer;
  }

  /**
   * Seeds the blog if it has no posts yet, all in one transaction. Returns whether it did.
   * Instances starting at once on an empty database take turns (the {@code seed} cluster lock); the
   * later one finds the posts the first committed and leaves them be.
   */
  public boolean seedIfEmpty(Instant now) {
    if (posts.count() > 0) {
      return false;
    }
    boolean seeded =
        transactions.inTransactionHolding(
            "seed",
            () -> {
              if (posts.count() > 0) {
                return false;
              }
              seed(now);
              return true;
            });
    if (seeded) {
      LOG.info("Seeded the blog with \"{}\" and its two responses", TITLE);
    }
    return seeded;
  }

  private void seed(Instant now) {
    settings.putAll(
        Map.of(
            SiteSettings.TITLE, "Social Sense",
            SiteSettings.TAGLINE, "Notes on networking, marketing and being relevant"));
    long author =
        users
            .findByUsername("editor")
            .map(u -> u.id())
            .orElseGet(() -> users.insert("editor", "Editor", null, Role.AUTHOR, now));
    String body = resource("/seed/article.md");
    long postId =
        posts.insert(
            new NewPost(
                SLUG,
                TITLE,
                body,
                "",
                PostStatus.PUBLISHED,
                author,
                true,
                PUBLISHED,
                List.of("Social Media"),
                List.of("Facebook", "LinkedIn", "Networking", "Twitter")),
            markdown.render(body),
            PUBLISHED);
    response(postId, "Sarah", FIRST_RESPONSE, Instant.parse("2011-09-14T12:05:00Z"));
    response(postId, "Jonathan", SECOND_RESPONSE, Instant.parse("2011-09-15T19:42:00Z"));
  }

  private void response(long postId, String name, String text, Instant at) {
    comments.insert(
        new CommentDraft(
            postId,
            null,
            name,
            null,
            null,
            null,
            null,
            text,
            commentRenderer.render(text),
            CommentStatus.APPROVED,
            null,
            at,
            null,
            null,
            null));
  }

  private static String resource(String name) {
    try (InputStream in = SeedContent.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
