package blog.web.admin.posts;

import blog.core.editor.Autosaves;
import blog.core.editor.OldPermalinks;
import blog.core.editor.PostEditor;
import blog.core.editor.PostHistory;
import blog.core.editor.PostListing;
import blog.core.editor.PostTrash;
import blog.core.media.MediaStore;
import blog.core.text.MarkdownRenderer;

/** The domain services behind the admin's post screens, built by the composition root. */
public record EditorServices(
    PostEditor editor,
    PostTrash trash,
    PostHistory history,
    Autosaves autosaves,
    PostListing listing,
    OldPermalinks oldPermalinks,
    MediaStore media,
    MarkdownRenderer renderer) {}
