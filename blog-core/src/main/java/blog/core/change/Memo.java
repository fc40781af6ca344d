package blog.core.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One value computed from the whole blog (the sidebar's archive months, category counts and recent
 * posts), kept while the content version stays the same, until the next scheduled post falls due,
 * and at most {@link VersionMemos#MAX_AGE}: the same rules as cached pages, with the same version,
 * so a page rendered for version v never carries an older sidebar.
 */
public final class Memo<T> implements Supplier<T> {
  private record Held<T>(T value, long version, Instant until) {}

  private final Supplier<T> source;
  private final LongSupplier version;
  private final Function<Instant, Optional<Instant>> nextPublication;
  private final Clock clock;
  private volatile @Nullable Held<T> held;

  public Memo(
      Supplier<T> source,
      LongSupplier version,
      Function<Instant, Optional<Instant>> nextPublication,
      Clock clock) {
    this.source = source;
    this.version = version;
    this.nextPublication = nextPublication;
    this.clock = clock;
  }

  @Override
  public T get() {
    long now = version.getAsLong();
    Instant at = clock.instant();
    Held<T> current = held;
    if (current != null && current.version() == now && at.isBefore(current.until())) {
      return current.value();
    }
    T value = source.get();
    Instant until = at.plus(MAX_AGE);
    Optional<Instant> due = nextPublication.apply(at);
    if (due.isPresent() && due.get().isBefore(until)) {
      until = due.get();
    }
    held = new Held<>(value, now, until);
    return value;
  }

  private static final Duration MAX_AGE = VersionMemos.MAX_AGE;
}
