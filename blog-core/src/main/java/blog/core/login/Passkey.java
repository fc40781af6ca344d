package blog.core.login;

import java.time.Instant;

/**
 * A staff member's passkey as the account page lists it; {@code lastUsedAt} is null until it is
 * first used to log in.
 */
public record Passkey(
    long id, long userId, String name, String transports, Instant createdAt, Instant lastUsedAt) {}
