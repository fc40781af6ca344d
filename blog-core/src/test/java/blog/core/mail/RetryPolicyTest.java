package blog.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.exponential(8);

  @Test
  void pausesDoubleFromThirtySecondsUpToAnHour() {
    assertEquals(Duration.ofSeconds(30), policy.delayAfter(1));
    assertEquals(Duration.ofSeconds(60), policy.delayAfter(2));
    assertEquals(Duration.ofSeconds(120), policy.delayAfter(3));
    assertEquals(Duration.ofSeconds(1920), policy.delayAfter(7));
    assertEquals(Duration.ofHours(1), policy.delayAfter(8));
    assertEquals(Duration.ofHours(1), policy.delayAfter(1_000));
  }

  @Test
  void retriesStopAtTheLastAttempt() {
    assertTrue(policy.allowsRetryAfter(7));
    assertFalse(policy.allowsRetryAfter(8));
  }
}
