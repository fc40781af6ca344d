package blog.core.feed;

import java.time.Instant;

/**
 * An approved comment on a visible post, as a comments feed shows it: who wrote it, when, its
 * rendered (sanitised) text, and enough of its post to link to it.
 */
public record FeedComment(
    long id,
    String authorName,
    String bodyHtml,
    Instant createdAt,
    long postId,
    String postTitle,
    String postSlug,
    Instant postPublishedAt) {}
