package blog.core.editor;

import java.time.Instant;

/**
 * The editor's latest unsaved text of one user, for a post ({@code postId}) or for a post not
 * created yet ({@code draftKey}, made by the client). {@code baseVersion} is the post version the
 * editor had loaded, null for a draft key.
 */
public record Autosave(
    long id,
    long userId,
    Long postId,
    String draftKey,
    Integer baseVersion,
    PostText text,
    Instant savedAt) {}
