package blog.web.testing;

import blog.core.federation.HttpSignatures;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account on a small server on 127.0.0.1, for HTTP tests: it serves its actor document (with its
 * public key and an avatar, counting how often it is asked), keeps what the blog delivers to its
 * inbox, sends activities to the blog signed with its key, as Mastodon does, and can rotate its
 * key.
 */
public final class RemoteAccount implements AutoCloseable {
  public static final String AS = "application/activity+json";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final byte[] AVATAR =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private final HttpServer server;
  private volatile KeyPair key;
  private volatile String icon;
  private final AtomicInteger actorFetches = new AtomicInteger();
  private final String name;
  private final String base;
  private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
  private final List<Received> requests = Collections.synchronizedList(new ArrayList<>());

  /** A request the blog made to the inbox: its path, headers (lower-case names) and body. */
  public record Received(String path, Map<String, String> headers, byte[] body) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private RemoteAccount(String name) throws IOException, NoSuchAlgorithmException {
    this.key = newKey();
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/users/" + name,
        x -> {
          actorFetches.incrementAndGet();
          answer(x, AS, actor().getBytes(StandardCharsets.UTF_8));
        });
    server.createContext("/avatar.png", x -> answer(x, "image/png", AVATAR));
    server.createContext(
        "/inbox",
        x -> {
          byte[] body = x.getRequestBody().readAllBytes();
          Map<String, String> headers = new java.util.HashMap<>();
          x.getRequestHeaders()
              .forEach(
                  (k, v) ->
                      headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
          requests.add(new Received(x.getRequestURI().getRawPath(), headers, body));
          delivered.add(new String(body, StandardCharsets.UTF_8));
          x.sendResponseHeaders(202, -1);
          x.close();
        });
    server.start();
  }

  private static KeyPair newKey() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** A new key pair under the same key id, as a server rotating its keys does; returns the old. */
  public KeyPair rotateKey() {
    KeyPair old = key;
    try {
      key = newKey();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return old;
  }

  /** Publishes {@code url} as the account's icon instead of its own {@code /avatar.png}. */
  public RemoteAccount iconAt(String url) {
    this.icon = url;
    return this;
  }

  /** The account's avatar, as its server serves it: a 1x1 PNG. */
  public static byte[] avatar() {
    return AVATAR.clone();
  }

  /** How often the actor document (with the key) was fetched. */
  public int actorFetches() {
    return actorFetches.get();
  }

  public static RemoteAccount start(String name) {
    try {
      return new RemoteAccount(name);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String id() {
    return base + "/users/" + name;
  }

  public String base() {
    return base;
  }

  /** {@code @name@127.0.0.1}, as the blog shows the account (a handle names the host). */
  public String handle() {
    return "@" + name + "@127.0.0.1";
  }

  /** Everything the blog delivered to the inbox, as parsed JSON. */
  public List<JsonNode> delivered() {
    synchronized (delivered) {
      return delivered.stream().map(JSON::readTree).toList();
    }
  }

  /** Every request the blog made to the inbox, with its headers. */
  public List<Received> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private String actor() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    return JSON.writeValueAsString(
        Map.of(
            "@context",
            List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
            "id",
            id(),
            "type",
            "Person",
            "preferredUsername",
            name,
            "name",
            "Remote " + name,
            "inbox",
            base + "/inbox",
            "icon",
            Map.of("type", "Image", "url", icon == null ? base + "/avatar.png" : icon),
            "publicKey",
            Map.of("id", id() + "#main-key", "owner", id(), "publicKeyPem", pem)));
  }

  /** Sends {@code activity} (its actor is this account) to the blog's inbox, signed. */
  public HttpResponse<String> send(String blogBase, Map<String, Object> activity) {
    return send(blogBase, activity, key);
  }

  /** Sends {@code activity} signed with {@code with}, under this account's key id. */
  public HttpResponse<String> send(String blogBase, Map<String, Object> activity, KeyPair with) {
    byte[] body = JSON.writeValueAsString(activity).getBytes(StandardCharsets.UTF_8);
    return post(blogBase, body, id() + "#main-key", with.getPrivate(), Instant.now());
  }

  /**
   * POSTs {@code body} to the blog's inbox with a draft-cavage signature by {@code key} under
   * {@code keyId}, dated {@code at}, as Mastodon sends activities.
   */
  public static HttpResponse<String> post(
      String blogBase, byte[] body, String keyId, java.security.PrivateKey key, Instant at) {
    URI inbox = URI.create(blogBase + "/federation/inbox");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(inbox)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", AS);
    HttpSignatures.sign("post", inbox, body, keyId, key, at)
        .forEach(
            (header, value) -> {
              if (!header.equals("Host")) {
                request.header(header, value);
              }
            });
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void answer(com.sun.net.httpserver.HttpExchange x, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(200, body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
