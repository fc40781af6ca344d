package blog.core.editor;

import blog.core.post.Post;
import blog.core.post.PostRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * Old slugs of posts whose slug changed after they were published. The public post route, finding
 * no post by a slug, asks here and answers 301 with the post's current permalink.
 */
public final class OldPermalinks {
  private final SlugRedirectRepository redirects;
  private final PostRepository posts;
  private final Clock clock;

  public OldPermalinks(SlugRedirectRepository redirects, PostRepository posts, Clock clock) {
    this.redirects = redirects;
    this.posts = posts;
    this.clock = clock;
  }

  /** The visible post that used to have {@code slug}, if any. */
  public Optional<Post> findByOldSlug(String slug) {
    if (slug == null || slug.length() > PostChanges.MAX_SLUG) {
      return Optional.empty();
    }
    return redirects
        .postFor(slug)
        .flatMap(posts::findById)
        .filter(p -> p.isVisibleAt(clock.instant()));
  }
}
