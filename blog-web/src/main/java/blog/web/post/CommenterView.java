package blog.web.post;

/** The signed-in commenter as the reply form shows them ("You are commenting using..."). */
public record CommenterView(String name, String avatarUrl, String providerLabel) {}
