package blog.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import blog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerRateLimitTest {
  @Test
  void aServerPastItsShareIsToldToWaitAndOthersAreNot() {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    ServerRateLimit limit = new ServerRateLimit(3, Duration.ofMinutes(1), clock);
    for (int i = 0; i < 3; i++) {
      limit.count("busy.example");
    }
    assertEquals(429, assertThrows(Refused.class, () -> limit.count("busy.example")).status());
    limit.count("quiet.example");
    clock.advance(Duration.ofMinutes(1));
    limit.count("busy.example"); // a new window
  }
}
