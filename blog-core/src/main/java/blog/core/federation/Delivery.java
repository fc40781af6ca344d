package blog.core.federation;

import java.time.Instant;

/** One activity on its way to one inbox, as the queue holds it. */
public record Delivery(
    long id,
    String inbox,
    String activity,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {}
