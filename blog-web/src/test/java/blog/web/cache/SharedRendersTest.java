package blog.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SharedRendersTest {
  private final SharedRenders<String> renders = new SharedRenders<>(Duration.ofSeconds(10));

  @Test
  void missesWhileAPageIsRenderedWaitForThatRender() throws Exception {
    var first = assertInstanceOf(SharedRenders.Turn.Render.class, renders.turn("/a", 7));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<SharedRenders.Turn<String>> second = pool.submit(() -> renders.turn("/a", 7));
      Future<SharedRenders.Turn<String>> third = pool.submit(() -> renders.turn("/a", 7));
      // Another page, or the same page at another version, is not held up.
      assertInstanceOf(SharedRenders.Turn.Render.class, renders.turn("/b", 7));
      assertEquals(new SharedRenders.Turn.Rendered<>(Optional.empty()), renders.turn("/a", 8));
      assertWaiting(second);
      assertWaiting(third);

      @SuppressWarnings("unchecked")
      SharedRenders.Ticket<String> ticket = first.ticket();
      renders.finish(ticket, "page a");
      assertEquals(
          new SharedRenders.Turn.Rendered<>(Optional.of("page a")),
          second.get(5, TimeUnit.SECONDS));
      assertEquals(
          new SharedRenders.Turn.Rendered<>(Optional.of("page a")), third.get(5, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    // Finished: the next miss renders again.
    assertInstanceOf(SharedRenders.Turn.Render.class, renders.turn("/a", 7));
  }

  @Test
  void aRenderThatKeepsNothingOrTakesTooLongLeavesTheOthersToRenderThemselves() throws Exception {
    var first = assertInstanceOf(SharedRenders.Turn.Render.class, renders.turn("/c", 1));
    CompletableFuture<SharedRenders.Turn<String>> waiting =
        CompletableFuture.supplyAsync(() -> renders.turn("/c", 1));
    assertWaiting(waiting);
    @SuppressWarnings("unchecked")
    SharedRenders.Ticket<String> ticket = first.ticket();
    renders.finish(ticket, null);
    assertEquals(
        new SharedRenders.Turn.Rendered<>(Optional.empty()), waiting.get(5, TimeUnit.SECONDS));

    SharedRenders<String> impatient = new SharedRenders<>(Duration.ofMillis(50));
    assertInstanceOf(SharedRenders.Turn.Render.class, impatient.turn("/d", 1));
    assertEquals(new SharedRenders.Turn.Rendered<>(Optional.empty()), impatient.turn("/d", 1));
    assertEquals(0, impatient.running(), "a render never finished is given up on");
    assertInstanceOf(SharedRenders.Turn.Render.class, impatient.turn("/d", 1));
  }

  @Test
  void aRenderStartedWithoutWaitingIsRefusedWhileAnyRenderOfThatPageRuns() {
    SharedRenders.Ticket<String> ticket = renders.start("/e", 1).orElseThrow();
    assertTrue(renders.rendering("/e"));
    assertEquals(Optional.empty(), renders.start("/e", 2), "another version: still refused");
    assertTrue(renders.start("/f", 1).isPresent(), "another page is not held up");
    renders.finish(ticket, null);
    assertFalse(renders.rendering("/e"));
    assertTrue(renders.start("/e", 2).isPresent());
  }

  /** Still blocked a moment after asking: waiting for the render. */
  private static void assertWaiting(Future<?> turn) {
    try {
      turn.get(200, TimeUnit.MILLISECONDS);
    } catch (TimeoutException expected) {
      return;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    fail("the turn should still be waiting");
  }
}
