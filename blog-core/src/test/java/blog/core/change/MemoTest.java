package blog.core.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private final AtomicLong version = new AtomicLong(1);
  private final AtomicInteger computed = new AtomicInteger();

  private Memo<Integer> memo(Optional<Instant> nextPublication) {
    return new Memo<>(computed::incrementAndGet, version::get, at -> nextPublication, clock);
  }

  @Test
  void keepsTheValueWhileTheVersionStaysAndComputesAgainWhenItMoves() {
    Memo<Integer> memo = memo(Optional.empty());
    assertEquals(1, memo.get());
    assertEquals(1, memo.get());
    version.incrementAndGet();
    assertEquals(2, memo.get());
    assertEquals(2, memo.get());
  }

  @Test
  void computesAgainWhenAScheduledPostFallsDueAndAfterTheMaximumAge() {
    Memo<Integer> memo = memo(Optional.of(clock.instant().plusSeconds(10)));
    assertEquals(1, memo.get());
    clock.advance(Duration.ofSeconds(9));
    assertEquals(1, memo.get());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(2, memo.get(), "the scheduled post is due");

    Memo<Integer> plain = memo(Optional.empty());
    int first = plain.get();
    clock.advance(VersionMemos.MAX_AGE.minusSeconds(1));
    assertEquals(first, plain.get());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(first + 1, plain.get(), "never older than the maximum age");
  }
}
