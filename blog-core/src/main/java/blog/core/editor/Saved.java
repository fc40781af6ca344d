package blog.core.editor;

import blog.core.post.Post;

/** The post as stored by a successful save, with its new version and actual (unique) slug. */
public record Saved(Post post) implements SaveResult {}
