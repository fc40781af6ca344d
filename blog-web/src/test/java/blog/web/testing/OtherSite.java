package blog.web.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A second site on 127.0.0.1, as an IndieWeb site is: pages with h-entry markup (changed, gone or
 * refusing as a test says), its author's photo, and Webmention endpoints that record what they
 * receive and, as a real receiver does, fetch the source to see that it links to the target and is
 * an h-entry.
 */
public final class OtherSite implements AutoCloseable {
  /** A page as served: status, extra headers and body. */
  public record Page(int status, Map<String, String> headers, String html) {}

  /** A mention the site received, and what its verification of the source found. */
  public record Received(
      String endpoint, String source, String target, boolean linksToTarget, boolean hEntry) {}

  private final HttpServer server;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http = HttpClient.newHttpClient();
  private final java.util.concurrent.atomic.AtomicInteger photoFetches =
      new java.util.concurrent.atomic.AtomicInteger();
  public final byte[] photo;
  public final String base;

  public OtherSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    photo = png();
    server.createContext("/", this::serve);
    server.start();
  }

  public String url(String path) {
    return base + path;
  }

  public void page(String path, Page page) {
    pages.put(path, page);
  }

  public void html(String path, String body) {
    page(path, new Page(200, Map.of(), document(body)));
  }

  public void gone(String path) {
    page(path, new Page(410, Map.of(), document("<p>Gone.</p>")));
  }

  /** An h-entry replying to {@code target} (or liking it), written by Alice with her photo. */
  public String entry(String property, String target, String content) {
    return """
        <article class="h-entry">
          <div class="p-author h-card">
            <img class="u-photo" src="/alice.png" alt="">
            <a class="p-name u-url" href="/">Alice Remote</a>
          </div>
          <p><a class="%s" href="%s">A post on that blog</a></p>
          <div class="e-content"><p>%s</p></div>
          <time class="dt-published" datetime="2026-06-01T13:00:00Z">1 June</time>
        </article>
        """
        .formatted(property, target, content);
  }

  /** How often the author's photo was fetched. */
  public int photoFetches() {
    return photoFetches.get();
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public long receivedAt(String endpoint, String target) {
    return received().stream()
        .filter(r -> r.endpoint().equals(endpoint) && r.target().equals(url(target)))
        .count();
  }

  public static String document(String body) {
    return "<!DOCTYPE html><html><head><title>Alice's site</title></head><body>"
        + body
        + "</body></html>";
  }

  private void serve(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    if (path.equals("/alice.png")) {
      photoFetches.incrementAndGet();
      x.getResponseHeaders().add("Content-Type", "image/png");
      send(x, 200, photo);
      return;
    }
    if (x.getRequestMethod().equals("POST")) {
      receive(x, path);
      return;
    }
    Page page = pages.get(path);
    if (page == null) {
      send(x, 404, "not here".getBytes(StandardCharsets.UTF_8));
      return;
    }
    page.headers().forEach(x.getResponseHeaders()::add);
    x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    send(x, page.status(), page.html().getBytes(StandardCharsets.UTF_8));
  }

  /** An endpoint: {@code /wm-refuse} says 400, every other records and verifies. */
  private void receive(HttpExchange x, String path) throws IOException {
    Map<String, String> form = new HashMap<>();
    for (String pair :
        new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (path.equals("/wm-refuse")) {
      send(x, 400, "target not accepted".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String source = form.getOrDefault("source", "");
    String target = form.getOrDefault("target", "");
    boolean links = false;
    boolean hEntry = false;
    try {
      HttpResponse<String> fetched =
          http.send(
              HttpRequest.newBuilder(URI.create(source)).build(),
              HttpResponse.BodyHandlers.ofString());
      Document doc = Jsoup.parse(fetched.body(), source);
      // As receivers do, the link may carry a fragment.
      links =
          doc.select("a[href]").stream()
              .anyMatch(a -> a.absUrl("href").replaceFirst("#.*", "").equals(target));
      hEntry = !doc.select(".h-entry .e-content").isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | IllegalArgumentException e) {
      // recorded as not verified
    }
    received.add(new Received(path, source, target, links, hEntry));
    send(x, 202, new byte[0]);
  }

  private static void send(HttpExchange x, int status, byte[] body) throws IOException {
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      x.getResponseBody().write(body);
    }
    x.close();
  }

  /** Alice's photo: a 48-pixel PNG, an orange disc on teal, drawn here. */
  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(new java.awt.Color(0x1f7a7a));
    g.fillRect(0, 0, 48, 48);
    g.setColor(new java.awt.Color(0xff8800));
    g.fillOval(12, 8, 24, 24);
    g.fillOval(4, 34, 40, 28);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
