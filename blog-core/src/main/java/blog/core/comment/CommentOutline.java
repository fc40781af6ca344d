package blog.core.comment;

import java.time.Instant;

/**
 * Where a comment sits in its post's discussion, without what it says: enough to thread and page
 * tens of thousands of comments without reading their text.
 */
public record CommentOutline(long id, Long parentId, Instant createdAt) {}
