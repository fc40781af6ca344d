package blog.web.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Concurrent misses of one page at one content version share one render: the first request renders
 * it, the others wait for what it kept and answer with that, instead of every reader rendering the
 * same page at once after each change (a thundering herd, which on a busy post follows every new
 * comment). A wait is bounded: a render that takes too long, fails, or keeps nothing leaves the
 * waiting requests to render for themselves.
 *
 * @param <V> what a render keeps
 */
final class SharedRenders<V> {
  /** A render in progress: the request that holds it must {@link #finish} it. */
  static final class Ticket<V> {
    private final String key;
    private final long version;
    private final CompletableFuture<V> kept = new CompletableFuture<>();

    private Ticket(String key, long version) {
      this.key = key;
      this.version = version;
    }
  }

  /** What a request does about a page it did not find: render it, or use another's render. */
  sealed interface Turn<V> {
    /** Render it, then {@link #finish} the ticket with what was kept. */
    record Render<V>(Ticket<V> ticket) implements Turn<V> {}

    /** Another request rendered it meanwhile: what it kept, or empty to render after all. */
    record Rendered<V>(Optional<V> kept) implements Turn<V> {}
  }

  private final ConcurrentHashMap<String, Ticket<V>> inFlight = new ConcurrentHashMap<>();
  private final Duration patience;

  SharedRenders(Duration patience) {
    this.patience = patience;
  }

  /**
   * The first request to miss {@code key} at {@code version} is told to render; a request missing
   * it while that render runs waits for it (at most the patience given).
   */
  Turn<V> turn(String key, long version) {
    Ticket<V> mine = new Ticket<>(key, version);
    Ticket<V> running = inFlight.putIfAbsent(key, mine);
    if (running == null) {
      return new Turn.Render<>(mine);
    }
    if (running.version != version) {
      // A render for another version: of no use here, and not worth queueing behind.
      return new Turn.Rendered<>(Optional.empty());
    }
    try {
      return new Turn.Rendered<>(
          Optional.ofNullable(running.kept.get(patience.toMillis(), TimeUnit.MILLISECONDS)));
    } catch (TimeoutException e) {
      // Its renderer is stuck or gone without finishing: let the next miss start afresh.
      inFlight.remove(key, running);
      return new Turn.Rendered<>(Optional.empty());
    } catch (ExecutionException e) {
      return new Turn.Rendered<>(Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Turn.Rendered<>(Optional.empty());
    }
  }

  /**
   * A render of {@code key} at {@code version} for this request, unless one of any version is
   * running already: then empty, without waiting (the caller has an older page it may answer with
   * meanwhile).
   */
  Optional<Ticket<V>> start(String key, long version) {
    Ticket<V> mine = new Ticket<>(key, version);
    return inFlight.putIfAbsent(key, mine) == null ? Optional.of(mine) : Optional.empty();
  }

  /** Whether a render of {@code key} is running now. */
  boolean rendering(String key) {
    return inFlight.containsKey(key);
  }

  /**
   * Ends a render: {@code kept} (null when nothing was kept) goes to the requests waiting for it.
   */
  void finish(Ticket<V> ticket, V kept) {
    inFlight.remove(ticket.key, ticket);
    ticket.kept.complete(kept);
  }

  /** Renders running now (for tests). */
  int running() {
    return inFlight.size();
  }
}
