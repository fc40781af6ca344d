package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.web.testing.TcpProxy;
import blog.web.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server (what SIGTERM does through the shutdown hook) lets in-flight requests end.
 */
class GracefulShutdownTest {
  @Test
  void aRequestInFlightWhenTheServerStopsStillGetsItsPage() throws Exception {
    Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    try (TcpProxy proxy = new TcpProxy(h2.getPort());
        Database database =
            Database.open(
                new DatabaseSettings(
                    "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:graceful;DB_CLOSE_DELAY=-1",
                    "sa",
                    "",
                    4))) {
      TestServer server = TestServer.start(database);
      assertEquals(200, server.get("/").statusCode());

      // The database hangs, so the next request stays in flight inside the server.
      proxy.pause();
      CompletableFuture<HttpResponse<String>> inFlight =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(URI.create(server.url("/"))).build(),
                  HttpResponse.BodyHandlers.ofString());
      await(() -> proxy.heldChunks() > 0, "the request to reach the database");

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      await(() -> refusesConnections(server), "the server to stop accepting connections");
      assertFalse(stopping.isDone(), "stop waits for the request in flight");

      proxy.resume();
      HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode());
      assertTrue(response.body().contains("Why quality social networking"));
      stopping.get(10, TimeUnit.SECONDS);
    } finally {
      h2.stop();
    }
  }

  private static boolean refusesConnections(TestServer server) {
    try {
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(1))
          .build()
          .send(
              HttpRequest.newBuilder(URI.create(server.url("/healthz")))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      Thread.onSpinWait();
    }
  }
}
