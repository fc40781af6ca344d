package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.web.testing.Browser;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** {@code threads}: a fixed pool serves every request, more at once than it has threads. */
class FixedThreadsTest extends WebTestBase {
  @Override
  protected Map<String, String> config() {
    return Map.of("threads", "9");
  }

  @Test
  void aFixedPoolServesMoreRequestsAtOnceThanItHasThreads() {
    assertEquals(9, server.maxThreads());
    String permalink = publishedPost("Threads");
    ExecutorService clients = Executors.newFixedThreadPool(24);
    try {
      List<CompletableFuture<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> new Browser(server).get(permalink).statusCode(), clients));
      }
      answers.forEach(answer -> assertEquals(200, answer.join()));
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void withoutTheSettingJavalinsPoolGrowsFarBeyond() throws Exception {
    try (TestServer plain = TestServer.start(db.database())) {
      assertTrue(plain.maxThreads() > 9, "Javalin's pool: " + plain.maxThreads());
    }
  }
}
