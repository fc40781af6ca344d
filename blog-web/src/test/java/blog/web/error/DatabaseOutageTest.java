package blog.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.web.testing.TcpProxy;
import blog.web.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running blog and comes back: readers get a 503 page meanwhile, and
 * the same server serves normally again afterwards. The database is an H2 TCP server in this JVM,
 * so stopping it cuts every connection while its in-memory data survives.
 */
class DatabaseOutageTest {
  private Server h2;
  private Database database;
  private TestServer server;
  private TcpProxy proxy;

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (database != null) {
      database.close();
    }
    if (h2 != null) {
      h2.stop();
    }
  }

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
    h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    proxy = new TcpProxy(h2.getPort());
    database =
        Database.open(
            new DatabaseSettings(
                "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:outage;DB_CLOSE_DELAY=-1",
                "sa",
                "",
                4));
    server = TestServer.start(database);
    assertEquals(200, server.get("/").statusCode());

    proxy.cut();
    HttpResponse<String> down = server.get("/");
    assertEquals(503, down.statusCode());
    assertTrue(down.body().contains("Back in a moment"), down.body());
    assertTrue(down.headers().firstValue("Retry-After").isPresent());
    assertEquals(503, server.get("/readyz").statusCode(), "not ready without its database");
    assertEquals(200, server.get("/healthz").statusCode(), "but alive: no reason to restart it");

    proxy.restore();
    // Pooled connections broken by the outage are replaced as they are found out; within a few
    // seconds every request succeeds again.
    HttpResponse<String> back = awaitStatus("/", 200, Duration.ofSeconds(15));
    assertEquals(200, server.get("/readyz").statusCode());
    assertTrue(back.body().contains("Why quality social networking"), "data survived the outage");
  }

  private HttpResponse<String> awaitStatus(String path, int status, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpResponse<String> response = server.get(path);
    while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
      response = server.get(path);
    }
    assertEquals(status, response.statusCode(), path + " did not recover within " + timeout);
    return response;
  }
}
