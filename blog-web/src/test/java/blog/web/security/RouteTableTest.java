package blog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.ClientDataRetention;
import blog.core.comment.CommentRepository;
import blog.core.identity.Role;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.StoredState;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Walks the server's own route table, so a new route cannot slip past: every state-changing route
 * refuses a request without this browser's CSRF token or from another origin (ASVS 5.0 V3.5.1), and
 * no GET changes what is stored (V3.5.3). Requests are made as a logged-in admin, so a refusal is
 * the CSRF check's and not the access check's; the stored rows are compared after each one.
 */
class RouteTableTest extends WebTestBase {
  private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}|<([a-z]+)>");

  /** POST routes authorised by a signed token of their own (links in mails), not by CSRF. */
  private static final List<String> MAIL_LINK_ROUTES =
      List.of("POST /subscriptions/confirm", "POST /unsubscribe");

  private Browser admin;
  private final Map<String, String> samples = new HashMap<>();
  private long postId;
  private long commentId;

  @Override
  protected void prepare() {
    // The server clears old comments' IP addresses a few seconds after start; done now, that run
    // changes nothing while the walk compares stored rows.
    var jdbi = db.database().jdbi();
    new ClientDataRetention(new CommentRepository(jdbi), new SettingsRepository(jdbi), clock())
        .purge();
    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    admin = staff.loggedIn(staff.account(Role.ADMIN, "Route Walker"));
    long author = fixtures.author("Walked");
    postId =
        fixtures.post(author, "Walked post", PostStatus.PUBLISHED, TestServer.NOW.minusSeconds(60));
    commentId = fixtures.comment(postId, null, "Reader", "A walked comment", TestServer.NOW);
    Post post = new PostRepository(db.database().jdbi()).findById(postId).orElseThrow();
    samples.putAll(
        Map.of(
            "year", "2026",
            "month", "06",
            "day", "01",
            "slug", post.slug(),
            "page", "2",
            "cpage", "1",
            "provider", "demo",
            "key", "walker",
            "name", "css/blog.css",
            "rev", "1"));
  }

  /** The route's path with a sample value in each parameter; an unknown parameter fails. */
  private String concrete(String route) {
    String path = route.substring(route.indexOf(' ') + 1);
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value;
      if (name.equals("id")) {
        value = String.valueOf(path.startsWith("/admin/comments") ? commentId : postId);
      } else if (name.equals("path")) {
        value = path.startsWith("/media/") ? "2026/06/walker.png" : "about/";
      } else {
        value = samples.get(name);
      }
      assertTrue(value != null, "no sample value for {" + name + "} in " + route + ": add one");
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private List<String> routes(boolean stateChanging) {
    List<String> routes = new ArrayList<>();
    for (String route : server.routes()) {
      boolean safe = route.startsWith("GET ") || route.startsWith("HEAD ");
      if (safe != stateChanging) {
        routes.add(route);
      }
    }
    return routes;
  }

  /** What a real form to the route might carry, so that an accepted request would change things. */
  private Map<String, String> fields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("comment_post_ID", String.valueOf(postId));
    fields.put("comment_id", String.valueOf(commentId));
    fields.put("comment", "Forged comment");
    fields.put("author", "Forger");
    fields.put("email", "forger@example.org");
    fields.put("action", "trash");
    fields.put("ids", String.valueOf(commentId));
    fields.put("title", "Forged title");
    fields.put("body", "Forged body");
    fields.put("username", "forger");
    fields.put("password", "forged password 1");
    return fields;
  }

  @Test
  void theRouteTableIsWalkedWhole() {
    List<String> changing = routes(true);
    assertTrue(changing.contains("POST /comments/"), changing.toString());
    assertTrue(changing.contains("POST /admin/settings"), changing.toString());
    assertTrue(routes(false).contains("GET /admin/comments/{id}/edit"));
    assertTrue(changing.size() >= 25, "routes found: " + changing);
  }

  @Test
  void v3_5_1_everyStateChangingRouteRefusesAMissingOrForeignToken() {
    String foreignToken = StaffBrowsers.hidden(new Browser(server).page("/admin/login"), "_csrf");
    List<String> problems = new ArrayList<>();
    for (String route : routes(true)) {
      if (MAIL_LINK_ROUTES.contains(route)) {
        continue;
      }
      String path = concrete(route);
      Map<String, String> missing = fields();
      Map<String, String> foreign = fields();
      foreign.put("_csrf", foreignToken);
      refused(route, problems, "without a token", () -> admin.post(path, missing));
      refused(route, problems, "with another browser's token", () -> admin.post(path, foreign));
      refused(route, problems, "with a garbled token", () -> admin.post(path, garbled()));
    }
    assertEquals(List.of(), problems);
    assertEquals(200, admin.get("/admin").statusCode(), "the admin is still logged in");
  }

  @Test
  void v3_5_1_everyStateChangingRouteRefusesAnotherOrigin() {
    List<String> problems = new ArrayList<>();
    for (String route : routes(true)) {
      if (MAIL_LINK_ROUTES.contains(route)) {
        continue;
      }
      String path = concrete(route);
      for (String origin :
          List.of("https://evil.example", "null", "http://127.0.0.1.evil.example")) {
        Map<String, String> withToken = fields();
        withToken.put("_csrf", validToken());
        refused(route, problems, "from " + origin, () -> admin.post(path, withToken, origin));
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void aForgedCommentFormNamingNoPostIsAPlain403() {
    // It used to fail with a 500: the refusal tried to show the form again on a post not there.
    for (String path :
        List.of("/comments/", "/comments/edit", "/auth/logout", "/auth/demo/start")) {
      for (String post : List.of("", "x", "999999999")) {
        HttpResponse<String> refused =
            new Browser(server)
                .post(
                    path,
                    Map.of("comment_post_ID", post, "comment_id", post),
                    "https://evil.example");
        assertEquals(403, refused.statusCode(), path + " " + post);
        assertTrue(refused.body().contains("This form was sent from another site."));
      }
    }
  }

  @Test
  void mailLinkRoutesAreAuthorisedByTheirOwnTokenOnly() {
    assertTrue(server.routes().containsAll(MAIL_LINK_ROUTES), "the exemptions still exist");
    for (String route : MAIL_LINK_ROUTES) {
      String path = concrete(route);
      Map<String, String> before = StoredState.of(db.database().jdbi());
      Map<String, String> forged = fields();
      forged.put("token", "forged.token");
      HttpResponse<String> response = new Browser(server).post(path, forged, (String) null);
      assertTrue(response.statusCode() >= 400, route + " answered " + response.statusCode());
      assertEquals(before, StoredState.of(db.database().jdbi()), route);
    }
  }

  @Test
  void theCheckSeesAnAcceptedChange() {
    // Guards the walk against passing vacuously: the same kind of request with a valid token does
    // change the stored rows.
    Map<String, String> before = StoredState.of(db.database().jdbi());
    long victim = fixtures.comment(postId, null, "Other", "To be trashed", TestServer.NOW);
    Map<String, String> afterInsert = StoredState.of(db.database().jdbi());
    assertNotEquals(before, afterInsert);
    Map<String, String> form = fields();
    form.put("ids", String.valueOf(victim));
    form.put("_csrf", validToken());
    HttpResponse<String> done = admin.post("/admin/comments/" + victim + "/moderate", form);
    assertEquals(303, done.statusCode(), done.body());
    assertNotEquals(afterInsert, StoredState.of(db.database().jdbi()));
  }

  @Test
  void v3_5_3_noGetChangesWhatIsStored() {
    List<String> problems = new ArrayList<>();
    Browser anonymous = new Browser(server);
    String actions =
        "?action=delete&ids=" + commentId + "&status=trash&confirm=1&token=x&publish=1&done=1";
    for (String route : routes(false)) {
      String path = concrete(route);
      for (String asked : List.of(path, path + actions)) {
        for (Browser who : List.of(anonymous, admin)) {
          Map<String, String> before = StoredState.of(db.database().jdbi());
          HttpResponse<String> response = who.get(asked);
          Map<String, String> after = StoredState.of(db.database().jdbi());
          if (!before.equals(after)) {
            problems.add(
                route
                    + " ("
                    + asked
                    + ", "
                    + response.statusCode()
                    + ") changed "
                    + changed(before, after));
          }
          if (response.statusCode() >= 500) {
            problems.add(route + " (" + asked + ") answered " + response.statusCode());
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private String validToken() {
    return StaffBrowsers.hidden(admin.page("/admin"), "_csrf");
  }

  private Map<String, String> garbled() {
    Map<String, String> fields = fields();
    String token = validToken();
    fields.put("_csrf", token.substring(0, token.length() - 2) + "xx");
    return fields;
  }

  private void refused(
      String route,
      List<String> problems,
      String how,
      java.util.function.Supplier<HttpResponse<String>> request) {
    Map<String, String> before = StoredState.of(db.database().jdbi());
    HttpResponse<String> response = request.get();
    Map<String, String> after = StoredState.of(db.database().jdbi());
    int status = response.statusCode();
    if (status != 403 && status != 422) {
      problems.add(route + " " + how + " answered " + status);
    } else if (!csrfMessage(response.body())) {
      problems.add(route + " " + how + " was refused for another reason");
    }
    if (!before.equals(after)) {
      problems.add(route + " " + how + " changed " + changed(before, after));
    }
  }

  private static List<String> changed(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
  }

  private static boolean csrfMessage(String body) {
    return body.contains("This form was sent from another site.")
        || body.contains("This form has expired.")
        || body.contains("did not send back the cookie");
  }
}
