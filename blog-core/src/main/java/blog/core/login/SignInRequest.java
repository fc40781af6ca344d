package blog.core.login;

/**
 * A third-party log-in between leaving for the provider and coming back: what the callback must
 * match, which browser started it, and the comment form as it was typed.
 */
public record SignInRequest(
    String stateHash,
    String browserHash,
    String provider,
    String nonce,
    String codeVerifier,
    String redirectTo,
    long postId,
    String formData) {}
