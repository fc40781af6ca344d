package blog.core.editor;

import blog.core.post.Post;
import java.util.List;
import java.util.Optional;

/**
 * A post opened in the editor: the stored post, its term names, and the acting user's autosave if
 * it is newer than the post's last save and differs from it ("There is an autosave of this post
 * that is more recent than the version below").
 */
public record EditablePost(
    Post post, List<String> categories, List<String> tags, Optional<Autosave> newerAutosave) {
  public EditablePost {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
  }

  /** The form showing the post as stored. */
  public PostForm form() {
    return PostForm.of(post, categories, tags);
  }
}
