package blog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.WebTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Return addresses and every other redirect stay on this site (ASVS 5.0 V3.7.2): a {@code next}
 * after log-in, log-out, and the canonical redirects that echo the requested path.
 */
class RedirectsTest extends WebTestBase {
  private static final List<String> HOSTILE =
      List.of(
          "//evil.example/",
          "///evil.example/",
          "https://evil.example/",
          "http:evil.example",
          "/\\evil.example/",
          "\\\\evil.example",
          "/admin\\..\\\\evil.example",
          "javascript:alert(1)",
          "JavaScript:alert(1)",
          "data:text/html,<script>alert(1)</script>",
          "/\t/evil.example/",
          "/admin/\r\nSet-Cookie: x=1",
          "%2F%2Fevil.example",
          "/%09/evil.example");

  private StaffBrowsers staff;

  @Override
  protected void prepare() {
    staff = new StaffBrowsers(db.database().jdbi(), server);
  }

  @Test
  void v3_7_2_theReturnAddressAfterLogInStaysOnThisSite() {
    User author = staff.account(Role.AUTHOR, "Returning");
    for (String next : HOSTILE) {
      Browser browser = new Browser(server);
      String page = browser.page("/admin/login");
      Map<String, String> form = new HashMap<>();
      form.put("username", author.username());
      form.put("password", StaffBrowsers.PASSWORD);
      form.put("next", next);
      form.put("_csrf", StaffBrowsers.hidden(page, "_csrf"));
      HttpResponse<String> in = browser.post("/admin/login", form);
      assertEquals(303, in.statusCode(), next);
      assertEquals("/admin", location(in), next);
      // Already logged in, the log-in page sends on to next at once.
      HttpResponse<String> again = browser.get("/admin/login?next=" + encode(next));
      assertEquals("/admin", location(again), next);
    }
  }

  @Test
  void v3_7_2_logOutEndsOnThisSite() {
    for (String next : HOSTILE) {
      Browser browser = staff.loggedIn(staff.account(Role.AUTHOR, "Leaving"));
      String dashboard = browser.page("/admin");
      Map<String, String> form = new HashMap<>();
      form.put("_csrf", StaffBrowsers.hidden(dashboard, "_csrf"));
      form.put("next", next);
      form.put("redirect_to", next);
      HttpResponse<String> out = browser.post("/admin/logout?next=" + encode(next), form);
      assertEquals(303, out.statusCode(), next);
      assertEquals("/admin/login", location(out), next);
    }
  }

  @Test
  void v3_7_2_aLoggedOutVisitorIsSentToTheLogInPageWithALocalNext() {
    HttpResponse<String> sent = new Browser(server).get("/admin/posts?x=" + encode("//evil"));
    assertEquals(303, sent.statusCode());
    assertTrue(location(sent).startsWith("/admin/login?next=%2Fadmin%2Fposts"), location(sent));
  }

  @Test
  void v3_7_2_canonicalRedirectsNeverLeaveTheSite() {
    List<String> problems = new ArrayList<>();
    for (String path :
        List.of(
            "//evil.example",
            "//evil.example/2026",
            "//evil.example/about",
            "///evil.example/about",
            "/\\evil.example",
            "/\\evil.example/about",
            "/%5Cevil.example/about",
            "/%2F%2Fevil.example/about",
            "/%2fevil.example",
            "/.//evil.example/about",
            "/2026//evil.example",
            "/category//evil.example",
            "/tag/x/..//evil.example")) {
      for (String host :
          List.of("127.0.0.1", "www.localhost", "evil.example", "www.evil.example")) {
        String[] answer = raw(path, host);
        String location = answer[1];
        if (location != null && !onThisSite(location)) {
          problems.add(path + " (Host " + host + ") -> " + answer[0] + " " + location);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Whether a browser following {@code location} stays on the test server. */
  private boolean onThisSite(String location) {
    String l = location.strip().toLowerCase(Locale.ROOT);
    if (l.contains("\\") || l.chars().anyMatch(Character::isISOControl)) {
      return false;
    }
    if (l.startsWith("/")) {
      return !l.startsWith("//");
    }
    URI uri = URI.create(location);
    URI ours = URI.create(server.url("/"));
    // The configured base-url (http://localhost:7070 in tests) counts as this site too.
    return "http".equals(uri.getScheme())
        && ((ours.getHost().equals(uri.getHost()) && uri.getPort() == ours.getPort())
            || "localhost".equals(uri.getHost()));
  }

  /**
   * Sends a request line exactly as given (HttpClient would refuse or tidy the odd ones): status
   * line and Location header.
   */
  private String[] raw(String path, String host) {
    URI base = URI.create(server.url("/"));
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
      String status = head.lines().findFirst().orElse("");
      String location =
          head.lines()
              .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("location:"))
              .map(line -> line.substring("location:".length()).strip())
              .findFirst()
              .orElse(null);
      return new String[] {status, location};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
