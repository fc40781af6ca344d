package blog.core.identity;

import java.time.Instant;

/** A staff account (admin or author). The password hash never leaves the repository. */
public record User(
    long id, String username, String displayName, String email, Role role, Instant createdAt) {}
