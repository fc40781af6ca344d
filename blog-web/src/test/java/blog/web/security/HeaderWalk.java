package blog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every route of the route table, asked by a visitor and by an admin, plus the error answers (404,
 * 403, 411, 413, 422, 405, and those Jetty gives before the blog sees a request): each carries the
 * security headers, and every cookie set on the way is HttpOnly and SameSite=Lax (ASVS 5.0 V3.3,
 * V3.4). Subclasses run it over http and over https.
 */
abstract class HeaderWalk extends WebTestBase {
  private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}|<([a-z]+)>");
  private String permalink;
  private long postId;
  private long commentId;
  private String adminCookies;
  private final List<String> problems = new ArrayList<>();
  private final List<String> cookies = new ArrayList<>();

  abstract boolean https();

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi())
        .putAll(
            Map.of(
                DiscussionSettings.MODERATION, "first",
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0"));
    postId =
        fixtures.post(
            fixtures.author("Headed"),
            "Headed",
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(60));
    commentId = fixtures.comment(postId, null, "Reader", "A comment", TestServer.NOW);
    Post post = new PostRepository(db.database().jdbi()).findById(postId).orElseThrow();
    permalink = "/2026/06/01/" + post.slug() + "/";
    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    String username = staff.account(Role.ADMIN, "Header Walker").username();
    // Logged in by hand: an http client keeps no Secure cookies, which https mode sets.
    HttpResponse<String> page = server.get("/admin/login");
    String bid = cookiePair(page);
    HttpResponse<String> in =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url("/admin/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", bid)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + username
                            + "&password="
                            + StaffBrowsers.PASSWORD.replace(' ', '+')
                            + "&_csrf="
                            + java.net.URLEncoder.encode(
                                StaffBrowsers.hidden(page.body(), "_csrf"),
                                StandardCharsets.UTF_8)))
                .build());
    assertEquals(303, in.statusCode(), in.body());
    cookies.addAll(page.headers().allValues("Set-Cookie"));
    cookies.addAll(in.headers().allValues("Set-Cookie"));
    adminCookies = bid + "; " + cookiePair(in);
  }

  private static String cookiePair(HttpResponse<String> response) {
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private HttpResponse<String> asAdmin(String path) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Cookie", adminCookies)
            .GET()
            .build());
  }

  private HttpResponse<String> postAsAdmin(String path) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Cookie", adminCookies)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("comment_post_ID=" + postId))
            .build());
  }

  private String concrete(String route) {
    Map<String, String> samples =
        Map.of(
            "year", "2026",
            "month", "06",
            "day", "01",
            "slug", permalink.split("/")[4],
            "page", "2",
            "cpage", "1",
            "provider", "demo",
            "key", "walker",
            "name", "css/blog.css",
            "rev", "1");
    String path = route.substring(route.indexOf(' ') + 1);
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value =
          switch (name) {
            case "id" -> String.valueOf(path.startsWith("/admin/comments") ? commentId : postId);
            case "path" -> path.startsWith("/media/") ? "2026/06/none.png" : "about/";
            default -> samples.get(name);
          };
      assertTrue(value != null, "no sample value for " + name + " in " + route);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Test
  void v3_4_everyRouteAndErrorCarriesTheSecurityHeaders() {
    walk();
    assertEquals(List.of(), problems);
  }

  private void walk() {
    for (String route : server.routes()) {
      String path = concrete(route);
      if (route.startsWith("GET ")) {
        check(route + " (visitor)", new Browser(server).get(path));
        check(route + " (admin)", asAdmin(path));
      } else {
        check(route + " (no token)", postAsAdmin(path));
      }
    }
    check("404", server.get("/no/such/page/"));
    check(
        "403 cross-origin",
        new Browser(server).post("/admin/login", Map.of(), "https://x.example"));
    check(
        "413",
        server.send(
            HttpRequest.newBuilder(URI.create(server.url("/comments/")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(300 * 1024)))
                .build()));
    check(
        "405",
        server.send(
            HttpRequest.newBuilder(URI.create(server.url("/")))
                .method("PUT", HttpRequest.BodyPublishers.noBody())
                .build()));
    Browser reader = new Browser(server);
    Map<String, String> form = Browser.replyForm(reader.page(permalink));
    form.put("author", "Held");
    form.put("email", "held@example.org");
    form.put("comment", "");
    check("422 refused comment", reader.post("/comments/", form));
    form.put("comment", "A first comment, held");
    form.put("remember", "1");
    check("303 held comment", reader.post("/comments/", form));
    for (String[] raw :
        List.of(
            new String[] {"400 bad encoding", "GET /%ZZ HTTP/1.1"},
            new String[] {"400 ambiguous path", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1"},
            new String[] {"400 bad header", "GET / HTTP/1.1\r\nBad Header Name: x"})) {
      checkRaw(raw[0], raw[1]);
    }
  }

  @Test
  void v3_3_everyCookieIsHttpOnlySameSiteAndUnderHttpsSecureWithTheHostPrefix() {
    walk();
    assertTrue(cookies.size() >= 3, "cookies were set on the way: " + cookies);
    List<String> wrong = new ArrayList<>();
    for (String cookie : cookies) {
      String c = cookie.toLowerCase(Locale.ROOT);
      boolean ok =
          c.contains("; httponly")
              && c.contains("samesite=lax")
              && c.contains("path=/")
              && !c.contains("domain=")
              && (!https() || (c.contains("; secure") && cookie.startsWith("__Host-")))
              && (https() || !cookie.startsWith("__Host-"));
      if (!ok) {
        wrong.add(cookie);
      }
    }
    assertEquals(List.of(), wrong);
  }

  private void check(String what, HttpResponse<String> response) {
    response.headers().allValues("Set-Cookie").forEach(cookies::add);
    Map<String, List<String>> headers = response.headers().map();
    checkHeaders(what + " -> " + response.statusCode(), name -> first(headers, name));
  }

  private static String first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst()
        .orElse("");
  }

  private void checkHeaders(String what, java.util.function.Function<String, String> header) {
    String csp = header.apply("Content-Security-Policy");
    for (String directive :
        List.of(
            "default-src 'self'",
            "script-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'")) {
      if (!csp.contains(directive)) {
        problems.add(what + ": CSP without " + directive + ": " + csp);
      }
    }
    if (csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
      problems.add(what + ": CSP allows unsafe scripts: " + csp);
    }
    if (!header.apply("X-Content-Type-Options").equals("nosniff")) {
      problems.add(what + ": no nosniff");
    }
    String referrer = header.apply("Referrer-Policy");
    if (!List.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
        .contains(referrer)) {
      problems.add(what + ": Referrer-Policy " + referrer);
    }
    String hsts = header.apply("Strict-Transport-Security");
    if (https() && !hsts.matches("max-age=(3153[0-9]{4}|[4-9][0-9]{7}|[0-9]{9,}).*")) {
      problems.add(what + ": HSTS " + hsts);
    }
    if (!https() && !hsts.isEmpty()) {
      problems.add(what + ": HSTS over plain http");
    }
  }

  /** A request line sent as is, for the answers Jetty gives before the blog's handlers run. */
  private void checkRaw(String what, String requestLine) {
    URI base = URI.create(server.url("/"));
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = response.indexOf("\r\n\r\n");
      List<String> head = (end < 0 ? response : response.substring(0, end)).lines().toList();
      String status = head.isEmpty() ? "" : head.get(0);
      checkHeaders(
          what + " -> " + status,
          name ->
              head.stream()
                  .filter(
                      l ->
                          l.toLowerCase(Locale.ROOT)
                              .startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                  .map(l -> l.substring(name.length() + 1).strip())
                  .findFirst()
                  .orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
