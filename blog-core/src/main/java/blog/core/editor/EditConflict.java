package blog.core.editor;

import blog.core.post.Post;

/**
 * Nothing was written: the post was saved by someone (or in another tab) after the editor loaded
 * version {@code attemptedVersion}. Carries both sides so the editor can show them: the post as it
 * is now, the changes that were attempted, and a diff of the bodies (stored to attempted). Saving
 * again with {@code stored.version()} overwrites the other save.
 */
public record EditConflict(Post stored, PostForm attempted, int attemptedVersion, TextDiff bodyDiff)
    implements SaveResult {}
