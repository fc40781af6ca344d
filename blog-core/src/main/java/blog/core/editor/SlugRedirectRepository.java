package blog.core.editor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Former slugs of published posts, each leading to the post that had it. */
public final class SlugRedirectRepository {
  private final Jdbi jdbi;

  public SlugRedirectRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Makes {@code oldSlug} lead to the post, replacing whatever it led to before. */
  public void put(String oldSlug, long postId, Instant now) {
    jdbi.useHandle(
        h -> {
          h.createUpdate("DELETE FROM slug_redirects WHERE old_slug = :slug")
              .bind("slug", oldSlug)
              .execute();
          h.createUpdate(
                  "INSERT INTO slug_redirects (old_slug, post_id, created_at)"
                      + " VALUES (:slug, :postId, :now)")
              .bind("slug", oldSlug)
              .bind("postId", postId)
              .bind("now", now)
              .execute();
        });
  }

  /** Forgets the redirect from {@code slug}: a post has taken it as its live slug. */
  public void remove(String slug) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM slug_redirects WHERE old_slug = :slug")
                .bind("slug", slug)
                .execute());
  }

  /** The post an old slug leads to. */
  public Optional<Long> postFor(String oldSlug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT post_id FROM slug_redirects WHERE old_slug = :slug")
                .bind("slug", oldSlug)
                .mapTo(Long.class)
                .findOne());
  }

  /** The post's former slugs, alphabetically. */
  public List<String> oldSlugsOf(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT old_slug FROM slug_redirects WHERE post_id = :postId ORDER BY old_slug")
                .bind("postId", postId)
                .mapTo(String.class)
                .list());
  }
}
