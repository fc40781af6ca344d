package blog.core.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JoinedReadsTest {
  @Test
  void oneCallerAtATimeReadsEachTime() {
    AtomicInteger reads = new AtomicInteger();
    JoinedReads<Integer> joined = new JoinedReads<>(reads::incrementAndGet);
    assertEquals(1, joined.read());
    assertEquals(2, joined.read());
    assertEquals(3, joined.read());
  }

  @Test
  void callersAskingDuringARunningReadShareTheNextOneNeverTheRunningOne() throws Exception {
    // Each read waits for a go, and says it started.
    AtomicInteger reads = new AtomicInteger();
    BlockingQueue<Integer> started = new LinkedBlockingQueue<>();
    BlockingQueue<CountDownLatch> gates = new LinkedBlockingQueue<>();
    JoinedReads<Integer> joined =
        new JoinedReads<>(
            () -> {
              int n = reads.incrementAndGet();
              CountDownLatch gate = new CountDownLatch(1);
              gates.add(gate);
              started.add(n);
              try {
                gate.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return n;
            });
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(joined::read);
    assertEquals(1, started.poll(5, TimeUnit.SECONDS));
    // Two more ask while read 1 runs: they must not get it (it may predate their writes).
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(joined::read);
    CompletableFuture<Integer> third = CompletableFuture.supplyAsync(joined::read);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (joined.waiting() < 2) {
      assertTrue(System.nanoTime() < deadline, "both callers wait for the next read");
      Thread.onSpinWait();
    }
    assertFalse(second.isDone() || third.isDone());
    gates.take().countDown();
    assertEquals(1, first.get(5, TimeUnit.SECONDS));
    assertEquals(2, started.poll(5, TimeUnit.SECONDS), "the next read starts after the first");
    gates.take().countDown();
    assertEquals(2, second.get(5, TimeUnit.SECONDS));
    assertEquals(2, third.get(5, TimeUnit.SECONDS));
    assertEquals(2, reads.get(), "three callers, two reads");
  }

  @Test
  void aFailedReadFailsItsCallersAndTheNextReadRunsAfresh() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException down = new IllegalStateException("database away");
    JoinedReads<Integer> joined =
        new JoinedReads<>(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw down;
              }
              return calls.get();
            });
    assertSame(down, assertThrows(IllegalStateException.class, joined::read));
    assertEquals(2, joined.read());
  }
}
