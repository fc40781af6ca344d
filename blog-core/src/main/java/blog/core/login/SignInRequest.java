package blog.core.login;

/**
 * A third-party log-in between leaving for the provider and coming back: what the callback must
 * match, which browser started it, and the comment form as it was typed; or, to link another
 * identity to a logged-in commenter, the identity of their session ({@code linkFrom}, with no
 * post).
 */
public record SignInRequest(
    String stateHash,
    String browserHash,
    String provider,
    String nonce,
    String codeVerifier,
    String redirectTo,
    Long postId,
    String formData,
    Long linkFrom) {}
