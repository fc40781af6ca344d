package blog.core.identity;

/**
 * A commenter known through a third-party log-in: the provider's id for them and what the blog
 * shows (name, avatar, profile link). The email, when the provider gave one, is for notifications
 * only and never shown.
 */
public record CommenterIdentity(
    long id,
    String provider,
    String subject,
    String displayName,
    String email,
    String avatarUrl,
    String profileUrl) {}
