package blog.core.login;

/** A comment form kept for one browser across a trip to a log-in provider, with a message. */
public record FormDraft(long postId, String formData, String message) {}
