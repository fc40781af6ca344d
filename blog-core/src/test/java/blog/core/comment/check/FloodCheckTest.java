package blog.core.comment.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The flood refusal names the wait left, rounded up so that waiting that long is enough. */
class FloodCheckTest {
  @Test
  void theMessageSaysHowManySecondsAreLeft() {
    assertEquals(
        "You are posting comments too quickly. Please wait 10 seconds before commenting again.",
        FloodCheck.message(Duration.ofSeconds(10)));
  }

  @Test
  void partSecondsRoundUpAndOneSecondIsSingular() {
    assertEquals(
        "You are posting comments too quickly. Please wait 15 seconds before commenting again.",
        FloodCheck.message(Duration.ofMillis(14_200)));
    assertEquals(
        "You are posting comments too quickly. Please wait 1 second before commenting again.",
        FloodCheck.message(Duration.ofMillis(300)));
  }
}
