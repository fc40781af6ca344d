package blog.core.change;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads that must see everything committed before they were asked for, shared by callers asking at
 * once: a caller never takes the result of a read that was already running when it asked (it might
 * miss the caller's own write), but all callers who ask while one read runs share the next one. So
 * many writers catching up at the same moment cost two reads, not one each.
 *
 * @param <T> what is read
 */
final class JoinedReads<T> {
  private final Supplier<T> source;
  private final Object lock = new Object();

  /** The read running now; null when none runs. */
  private @Nullable CompletableFuture<T> current;

  /** The read to start when the current one ends, with the callers waiting for it; or null. */
  private @Nullable CompletableFuture<T> next;

  /** How many callers wait for {@link #next}. */
  private int waiting;

  JoinedReads(Supplier<T> source) {
    this.source = source;
  }

  T read() {
    CompletableFuture<T> mine;
    CompletableFuture<T> before = null;
    boolean reads;
    synchronized (lock) {
      if (current == null) {
        current = new CompletableFuture<>();
        mine = current;
        reads = true;
      } else if (next == null) {
        next = new CompletableFuture<>();
        mine = next;
        before = current;
        reads = true;
        waiting = 1;
      } else {
        mine = next;
        reads = false;
        waiting++;
      }
    }
    if (!reads) {
      return outcome(mine);
    }
    if (before != null) {
      // Ours starts when the running one ends (whatever its outcome), and only then.
      before.handle((value, failure) -> null).join();
    }
    T value;
    try {
      value = source.get();
    } catch (RuntimeException e) {
      finish();
      mine.completeExceptionally(e);
      throw e;
    }
    finish();
    mine.complete(value);
    return value;
  }

  /** The read that ends hands over to the next one, whose caller is waiting for it to end. */
  private void finish() {
    synchronized (lock) {
      current = next;
      next = null;
      waiting = 0;
    }
  }

  /** Callers waiting for the next read (for tests). */
  int waiting() {
    synchronized (lock) {
      return waiting;
    }
  }

  private static <T> T outcome(CompletableFuture<T> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }
}
