package blog.core.editor;

import java.time.Instant;

/**
 * A post's text as one save left it. {@code postVersion} is the version that save produced; {@code
 * userId} and {@code userName} say who saved (null once that account is gone).
 */
public record Revision(
    long id,
    long postId,
    int postVersion,
    PostText text,
    Long userId,
    String userName,
    RevisionKind kind,
    Instant createdAt) {}
