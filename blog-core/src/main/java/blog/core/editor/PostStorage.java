package blog.core.editor;

import blog.core.db.Transactions;
import blog.core.db.UniqueViolations;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.TermRepository;
import blog.core.text.MarkdownRenderer;
import blog.core.text.Slugs;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Writes checked changes: picks a free slug, renders the Markdown, and in one transaction stores
 * the post, its terms, its redirects, a revision, and drops the saver's autosave that the save
 * supersedes. Another post taking the same slug at the same moment makes the transaction fail on
 * the unique key; it is then run again with a fresh slug.
 */
final class PostStorage {
  private static final int ATTEMPTS = 5;

  private final EditorPostRepository posts;
  private final PostRepository reader;
  private final TermRepository terms;
  private final RevisionRepository revisions;
  private final SlugRedirectRepository redirects;
  private final AutosaveRepository autosaves;
  private final MarkdownRenderer renderer;
  private final Transactions transactions;

  PostStorage(
      EditorPostRepository posts,
      PostRepository reader,
      TermRepository terms,
      RevisionRepository revisions,
      SlugRedirectRepository redirects,
      AutosaveRepository autosaves,
      MarkdownRenderer renderer,
      Transactions transactions) {
    this.posts = posts;
    this.reader = reader;
    this.terms = terms;
    this.revisions = revisions;
    this.redirects = redirects;
    this.autosaves = autosaves;
    this.renderer = renderer;
    this.transactions = transactions;
  }

  /** Stores a new post; {@code draftKey} (may be null) names the autosave it came from. */
  Post create(Actor actor, PostChanges c, String draftKey, Instant now) {
    String html = renderer.render(c.text().bodyMarkdown());
    return retryingOnUniqueKey(
        () ->
            transactions.inTransaction(
                () -> {
                  String slug = freeSlug(c.slug() != null ? c.slug() : slugOf(c), -1);
                  long id = posts.insert(c, slug, html, now);
                  terms.link(id, Taxonomy.CATEGORY, c.categories());
                  terms.link(id, Taxonomy.TAG, c.tags());
                  redirects.remove(slug);
                  revisions.insert(id, 1, c.text(), actor.userId(), RevisionKind.CREATE, now);
                  if (draftKey != null) {
                    autosaves.deleteDraft(actor.userId(), draftKey);
                  }
                  return reader.findById(id).orElseThrow();
                }));
  }

  /**
   * Stores the changes if the post is still at {@code expectedVersion}; empty (nothing written) if
   * someone saved it since.
   */
  Optional<Post> update(
      Actor actor,
      Post stored,
      int expectedVersion,
      PostChanges c,
      RevisionKind kind,
      Instant now) {
    String html = renderer.render(c.text().bodyMarkdown());
    return retryingOnUniqueKey(
        () ->
            transactions.inTransaction(
                () -> {
                  String slug = freeSlug(slugFor(stored, c), stored.id());
                  if (!posts.update(stored.id(), expectedVersion, c, slug, html, now)) {
                    return Optional.<Post>empty();
                  }
                  terms.replacePostTerms(stored.id(), c.categories(), c.tags());
                  if (!slug.equals(stored.slug()) && stored.isVisibleAt(now)) {
                    // Readers may have linked to the old permalink: keep it leading here.
                    redirects.put(stored.slug(), stored.id(), now);
                  }
                  redirects.remove(slug);
                  revisions.insert(
                      stored.id(), expectedVersion + 1, c.text(), actor.userId(), kind, now);
                  autosaves.deleteForPost(actor.userId(), stored.id());
                  return reader.findById(stored.id());
                }));
  }

  /**
   * Without a requested slug, a draft's slug follows its title (as in WordPress); a post that is or
   * was meant for readers keeps the slug it has.
   */
  private static String slugFor(Post stored, PostChanges c) {
    if (c.slug() != null) {
      return c.slug();
    }
    return stored.status() == PostStatus.DRAFT ? slugOf(c) : stored.slug();
  }

  private static String slugOf(PostChanges c) {
    return Slugs.slugify(c.text().title());
  }

  /** {@code base}, or the first of base-2, base-3… that no other post has. */
  private String freeSlug(String base, long exceptPostId) {
    Set<String> taken = posts.slugsLike(base, exceptPostId);
    if (!taken.contains(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String suffix = "-" + n;
      int room = PostChanges.MAX_SLUG - suffix.length();
      String candidate =
          (base.length() <= room ? base : base.substring(0, room).replaceAll("-+$", "")) + suffix;
      boolean used =
          candidate.startsWith(base + "-")
              ? taken.contains(candidate)
              : posts.slugTaken(candidate, exceptPostId);
      if (!used) {
        return candidate;
      }
    }
  }

  private static <T> T retryingOnUniqueKey(java.util.function.Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !UniqueViolations.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }
}
