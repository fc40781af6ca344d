package blog.core.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A token endpoint on loopback that answers whatever the test set, for tokens the real server would
 * never issue. It reads and ignores the request, as a provider that had accepted the code.
 */
public final class StubTokenEndpoint implements AutoCloseable {
  private record Answer(int status, String contentType, String body) {}

  private final HttpServer server;
  private final AtomicReference<Answer> answer =
      new AtomicReference<>(new Answer(500, "text/plain", "no answer set"));

  private StubTokenEndpoint(HttpServer server) {
    this.server = server;
  }

  public static StubTokenEndpoint start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      StubTokenEndpoint stub = new StubTokenEndpoint(server);
      server.createContext(
          "/token",
          exchange -> {
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              Answer a = stub.answer.get();
              byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", a.contentType());
              exchange.sendResponseHeaders(a.status(), body.length);
              exchange.getResponseBody().write(body);
            }
          });
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** Answers 200 with a bearer token response carrying these tokens (idToken may be null). */
  public void answerTokens(String accessToken, String idToken) {
    String json = "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\"";
    if (idToken != null) {
      json += ",\"id_token\":\"" + idToken + "\"";
    }
    answer(200, json + ",\"expires_in\":3600}");
  }

  public void answer(int status, String json) {
    answer.set(new Answer(status, "application/json", json));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
