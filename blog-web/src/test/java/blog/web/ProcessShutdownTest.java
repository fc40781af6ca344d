package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.Slow;
import blog.web.testing.AppProcess;
import blog.web.testing.StaffBrowsers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real blog process, as an orchestrator or {@code systemctl stop} sends it: the
 * process stops accepting connections at once, finishes the request it is serving, and exits.
 */
@Slow
class ProcessShutdownTest {
  @TempDir Path dir;

  @Test
  void sigtermFinishesTheRequestInFlightThenTheProcessExits() throws Exception {
    try (AppProcess app =
        AppProcess.start(
            "shutdown",
            Map.of(
                "BLOG_DB_URL", "jdbc:h2:file:" + dir.resolve("blog"),
                "BLOG_HOST", "127.0.0.1",
                "BLOG_PORT", "0",
                "BLOG_AUTH_DEMO_ENABLED", "false"))) {
      HttpResponse<String> loginPage =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(app.url("/admin/login"))).build(),
                  HttpResponse.BodyHandlers.ofString());
      String cookie = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String body =
          "username=nobody&password=wrong-password&_csrf="
              + URLEncoder.encode(
                  StaffBrowsers.hidden(loginPage.body(), "_csrf"), StandardCharsets.UTF_8);
      int port = URI.create(app.url("/")).getPort();

      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        // The server says "100 Continue" only once the handler reads the body: then the request
        // is certainly being served when the signal comes.
        out.write(
            ("POST /admin/login HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:"
                    + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: "
                    + body.length()
                    + "\r\nCookie: "
                    + cookie
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        assertEquals("HTTP/1.1 100 Continue", in.readLine());
        in.readLine(); // the blank line after it

        app.terminate();
        awaitRefused(port);
        assertTrue(app.process().isAlive(), "the process waits for the request in flight");
        // Held a while, so that the background jobs (the content-version poller runs every 250 ms)
        // are still at work while the process stops.
        LockSupport.parkNanos(Duration.ofMillis(700).toNanos());

        out.write(body.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String status = in.readLine();
        StringBuilder rest = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          rest.append(line).append('\n');
        }
        Instant answered = Instant.now();
        assertEquals("HTTP/1.1 401 Unauthorized", status, rest.toString());
        assertTrue(rest.toString().contains("</html>"), "the whole page came: " + rest);

        int exit = app.waitFor(Duration.ofSeconds(10));
        assertTrue(exit != -1, "the process ended:\n" + app.everything());
        assertTrue(
            Duration.between(answered, Instant.now()).toMillis() < 8_000,
            "and promptly after the last answer");
        assertEquals(143, exit, "ended by SIGTERM (128 + 15), through the shutdown hook");
        assertTrue(app.output().contains("Stopped"), app.everything());
        assertQuietStop(app);
      }
    }
  }

  /**
   * An ordinary stop logs no warning and no stack trace: the background jobs (the content-version
   * poller runs every 250 ms) stop before the database closes, and nothing closes it under them.
   */
  private static void assertQuietStop(AppProcess app) {
    String log = app.output() + app.errors();
    String stopping = log.substring(log.indexOf("Stopping"));
    List<String> loud =
        stopping
            .lines()
            .filter(
                line ->
                    line.contains(" WARN ")
                        || line.contains(" ERROR ")
                        || line.contains("Exception")
                        || line.startsWith("\tat "))
            .toList();
    assertEquals(List.of(), loud, "the stop's log:\n" + stopping);
  }

  /** New connections are refused once the server stops taking requests. */
  private static void awaitRefused(int port) throws IOException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      } catch (ConnectException refused) {
        return;
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    throw new AssertionError("the port still accepts connections 10 s after SIGTERM");
  }
}
