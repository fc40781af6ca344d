package blog.core.wxr;

import blog.core.post.Post;
import blog.core.post.PostRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * WordPress's plain links, {@code /?p=123} and {@code /?page_id=2}, which sites without pretty
 * permalinks use: after an import they name the post imported from that WordPress id, if exactly
 * one was and readers may see it.
 */
public final class WordPressLinks {
  private final WxrImportRepository imports;
  private final PostRepository posts;
  private final Clock clock;

  public WordPressLinks(WxrImportRepository imports, PostRepository posts, Clock clock) {
    this.imports = imports;
    this.posts = posts;
    this.clock = clock;
  }

  public Optional<Post> post(long wordPressId) {
    List<Long> ids = imports.postsForWordPressId(wordPressId);
    if (ids.size() != 1) {
      return Optional.empty();
    }
    return posts.findById(ids.get(0)).filter(p -> p.isVisibleAt(clock.instant()));
  }
}
