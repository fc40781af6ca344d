package blog.web.post;

/**
 * The signed-in commenter as the reply form shows them ("You are commenting using..."): {@code
 * byEmail} when they logged in with a link mailed to them rather than with a provider; {@code
 * providerGone} when the blog no longer offers the provider they logged in with.
 */
public record CommenterView(
    String name, String avatarUrl, String providerLabel, boolean byEmail, boolean providerGone) {}
