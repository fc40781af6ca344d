package blog.core.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests to other servers never reach this machine or a private network (SSRF). */
class RemoteFetchTest {
  private static HttpServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ok",
        x -> {
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.createContext(
        "/to-metadata",
        x -> {
          x.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
          x.sendResponseHeaders(302, -1);
          x.close();
        });
    server.createContext(
        "/loop",
        x -> {
          x.getResponseHeaders().add("Location", "/loop");
          x.sendResponseHeaders(302, -1);
          x.close();
        });
    server.createContext(
        "/big",
        x -> {
          byte[] body = new byte[10_000];
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.createContext(
        "/silent",
        x -> {
          // Answers nothing until the client gives up (or the server stops).
          java.util.concurrent.locks.LockSupport.parkNanos(
              java.time.Duration.ofSeconds(5).toNanos());
          x.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void privateLinkLocalAndSpecialAddressesAreRefused() {
    RemoteFetch fetch = new RemoteFetch(true);
    for (String url :
        List.of(
            "http://10.0.0.1/actor",
            "http://172.16.5.4/actor",
            "http://192.168.1.1/actor",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/actor",
            "http://0.0.0.0/actor",
            "http://[fc00::1]/actor",
            "http://[fe80::1]/actor",
            "http://224.0.0.1/actor")) {
      Refused refused =
          assertThrows(Refused.class, () -> fetch.get(URI.create(url), Map.of(), 1000), url);
      assertEquals(403, refused.status(), url);
    }
  }

  @Test
  void loopbackIsRefusedUnlessTheTestSettingAllowsIt() {
    RemoteFetch strict = new RemoteFetch(false);
    for (String url : List.of(base + "/ok", "http://[::1]/x", "http://localhost/x")) {
      assertEquals(
          403,
          assertThrows(Refused.class, () -> strict.get(URI.create(url), Map.of(), 1000)).status());
    }
    assertArrayEquals(
        "hello".getBytes(StandardCharsets.UTF_8),
        new RemoteFetch(true).get(URI.create(base + "/ok"), Map.of(), 1000).body());
  }

  @Test
  void aRedirectToAPrivateAddressIsRefused() {
    Refused refused =
        assertThrows(
            Refused.class,
            () -> new RemoteFetch(true).get(URI.create(base + "/to-metadata"), Map.of(), 1000));
    assertEquals(403, refused.status());
  }

  @Test
  void redirectsAreFollowedOnlyAFewTimes() {
    Refused refused =
        assertThrows(
            Refused.class,
            () -> new RemoteFetch(true).get(URI.create(base + "/loop"), Map.of(), 1000));
    assertTrue(refused.getMessage().contains("redirects"), refused.getMessage());
  }

  @Test
  void aBodyLargerThanAskedForIsRefused() {
    Refused refused =
        assertThrows(
            Refused.class,
            () -> new RemoteFetch(true).get(URI.create(base + "/big"), Map.of(), 1000));
    assertTrue(refused.getMessage().contains("larger"), refused.getMessage());
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIsGivenUp() {
    RemoteFetch impatient =
        new RemoteFetch(true, java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(300));
    long start = System.nanoTime();
    Refused refused =
        assertThrows(
            Refused.class, () -> impatient.get(URI.create(base + "/silent"), Map.of(), 1000));
    assertEquals(502, refused.status());
    assertTrue(
        System.nanoTime() - start < java.time.Duration.ofSeconds(3).toNanos(),
        "given up after its time, not the server's");
    assertEquals(java.time.Duration.ofSeconds(10), RemoteFetch.REQUEST_TIMEOUT);
  }

  @Test
  void deliveriesToPrivateAddressesAreRefusedToo() {
    RemoteFetch fetch = new RemoteFetch(false);
    for (String url : List.of(base + "/inbox", "http://10.1.2.3/inbox", "http://[fe80::1]/i")) {
      assertEquals(
          403,
          assertThrows(
                  Refused.class,
                  () -> fetch.post(URI.create(url), Map.of(), new byte[] {'{', '}'}, 1000))
              .status(),
          url);
    }
  }

  @Test
  void onlyHttpAddressesAreFetched() {
    RemoteFetch fetch = new RemoteFetch(true);
    for (String url : List.of("file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1/")) {
      assertEquals(
          400,
          assertThrows(Refused.class, () -> fetch.get(URI.create(url), Map.of(), 1000)).status());
    }
  }
}
