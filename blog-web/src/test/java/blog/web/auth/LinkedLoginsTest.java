package blog.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.core.testing.TestOidcServer;
import blog.core.testing.TestSmtpServer;
import blog.web.testing.Browser;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Linked log-ins over HTTP, with two OpenID Connect providers on loopback (mock-oauth2-server) and
 * mail to GreenMail: a commenter links a second provider and an email address, comes back with any
 * of them to the same comments, unlinks (never the last), and is told when the blog stops offering
 * the provider they logged in with (a second server on the same database, without it).
 */
class LinkedLoginsTest extends WebTestBase {
  private final TestOidcServer oidc = TestOidcServer.onFreePort().start();
  private final TestSmtpServer smtp = TestSmtpServer.onFreePort().start();
  private final int port = freePort();

  @Override
  protected Map<String, String> config() {
    return config(port, true);
  }

  private Map<String, String> config(int onPort, boolean withOne) {
    Map<String, String> config = new HashMap<>();
    config.put("port", Integer.toString(onPort));
    config.put("base-url", "http://127.0.0.1:" + onPort);
    if (withOne) {
      config.put("auth.oidc.one.issuer", oidc.issuer("one").toString());
      config.put("auth.oidc.one.client-id", "blog");
      config.put("auth.oidc.one.client-secret", "blog-secret");
      config.put("auth.oidc.one.label", "One ID");
    }
    config.put("auth.oidc.two.issuer", oidc.issuer("two").toString());
    config.put("auth.oidc.two.client-id", "blog");
    config.put("auth.oidc.two.client-secret", "blog-secret");
    config.put("auth.oidc.two.label", "Two ID");
    config.put("mail.smtp.host", "127.0.0.1");
    config.put("mail.smtp.port", Integer.toString(smtp.port()));
    config.put("mail.smtp.security", "none");
    config.put("mail.from", "Blog <blog@blog.example>");
    return config;
  }

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi())
        .putAll(
            Map.of(
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0",
                DiscussionSettings.MODERATION, "none"));
  }

  @AfterAll
  void stopServices() {
    oidc.close();
    smtp.close();
  }

  /** Logs in with {@code provider} from a post's reply form as {@code subject}; the post page. */
  private String logIn(
      Browser browser, String permalink, String provider, String subject, String name) {
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    HttpResponse<String> start = browser.post("/auth/" + provider + "/start", form);
    assertEquals(200, start.statusCode(), start.body());
    oidc.nextTokens(provider, subject, Map.of("name", name, "picture", picture(provider)));
    HttpResponse<String> back =
        browser.get(atProvider(browser, Browser.refreshTarget(start.body())));
    assertEquals(303, back.statusCode(), back.body());
    return browser.page(permalink);
  }

  /** The provider logs the person in at once and sends them back: the callback path and query. */
  private static String atProvider(Browser browser, URI authorization) {
    HttpResponse<String> answer = browser.getAbsolute(authorization);
    assertEquals(302, answer.statusCode(), answer.body());
    URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
    return callback.getRawPath() + "?" + callback.getRawQuery();
  }

  private static void comment(Browser browser, String permalink, String text) {
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.put("comment", text);
    assertEquals(303, browser.post("/comments/", form).statusCode());
  }

  private static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), page);
    return Browser.unescape(m.group(1));
  }

  /** Posts a form of the log-ins page and follows the answer back to it. */
  private static String onLogins(Browser browser, String path, Map<String, String> fields) {
    Map<String, String> form = new HashMap<>(fields);
    form.put("_csrf", csrf(browser.page(LoginsPage.PATH)));
    HttpResponse<String> answer = browser.post(path, form);
    assertEquals(303, answer.statusCode(), answer.body());
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(LoginsPage.PATH + "?m="), location);
    return browser.page(location);
  }

  /** Links {@code provider} from the log-ins page as {@code subject}; the page after it. */
  private String link(Browser browser, String provider, String subject, String name) {
    HttpResponse<String> start =
        browser.post(
            "/auth/" + provider + "/link", Map.of("_csrf", csrf(browser.page(LoginsPage.PATH))));
    assertEquals(200, start.statusCode(), start.body());
    oidc.nextTokens(provider, subject, Map.of("name", name, "picture", picture(provider)));
    HttpResponse<String> back =
        browser.get(atProvider(browser, Browser.refreshTarget(start.body())));
    assertEquals(303, back.statusCode(), back.body());
    return browser.page(back.headers().firstValue("Location").orElseThrow());
  }

  /** Each provider gives its own picture, so a comment shows which one it was written with. */
  private static String picture(String provider) {
    return "https://avatars.example/" + provider + ".png";
  }

  private long identityId(String provider, String subject) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM commenter_identities WHERE provider = :p AND subject = :s")
                    .bind("p", provider)
                    .bind("s", subject)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void aLinkedProviderReachesTheSameCommentsAndUnlinkingNeverTakesTheLast() {
    String permalink = publishedPost("Linked");
    String one = Fixtures.unique("ann-one");
    String two = Fixtures.unique("ann-two");
    Browser first = new Browser(server);
    logIn(first, permalink, "one", one, "Ann from One");
    comment(first, permalink, "Written with One.");

    String logins = first.page(LoginsPage.PATH);
    assertTrue(logins.contains("One ID</span>: <span class=\"login-name\">Ann from One"), logins);
    assertTrue(logins.contains("(you are logged in with this one)"));
    assertTrue(logins.contains("(1 so far)"), logins);
    assertFalse(logins.contains(">Unlink "), "the only way to log in cannot be unlinked");
    assertTrue(logins.contains("Link Two ID"));

    String linked = link(first, "two", two, "Ann from Two");
    assertTrue(linked.contains("The new way to log in is linked."), linked);
    assertTrue(linked.contains("Ann from Two"));
    assertTrue(linked.contains(">Unlink Two ID<"), linked);
    assertFalse(linked.contains("Link Two ID<"), "a linked provider is not offered again");

    // Another browser, logged in with the second provider only: the same commenter.
    Browser second = new Browser(server);
    String page = logIn(second, permalink, "two", two, "Ann from Two");
    assertTrue(page.contains("You are commenting using your Two ID account."));
    String theirs = second.page(LoginsPage.PATH);
    assertTrue(theirs.contains("Ann from One") && theirs.contains("Ann from Two"), theirs);
    assertTrue(theirs.contains("(1 so far)"), "the comment written with One is theirs");
    assertTrue(theirs.contains(">Unlink One ID<"));
    // The comment keeps the name and picture it was written with.
    String post = new Browser(server).page(permalink);
    assertTrue(post.contains("<span itemprop=\"name\">Ann from One</span>"));
    assertTrue(post.contains(picture("one")), "the picture of the log-in it was written with");
    assertFalse(post.contains(picture("two")), "not the picture of the log-in used now");

    // Not the one logged in with, and never the last.
    long twoId = identityId("two", two);
    assertTrue(
        onLogins(second, LoginsPage.UNLINK, Map.of("id", Long.toString(twoId)))
            .contains("You are logged in with that one."));
    String unlinked =
        onLogins(second, LoginsPage.UNLINK, Map.of("id", Long.toString(identityId("one", one))));
    assertTrue(unlinked.contains("That way to log in is no longer linked to you."), unlinked);
    assertFalse(unlinked.contains("Ann from One"));
    assertFalse(unlinked.contains(">Unlink "), "one way left: it stays");
    // A forged request for the last one (or another's) changes nothing.
    assertTrue(
        onLogins(second, LoginsPage.UNLINK, Map.of("id", Long.toString(twoId)))
            .contains("You are logged in with that one."));
    assertEquals(
        List.of(twoId),
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT id FROM commenter_identities WHERE COALESCE(commenter_id, id)"
                                + " = :id")
                        .bind("id", twoId)
                        .mapTo(Long.class)
                        .list()));
    // The browser logged in with One stands alone again, with its comment.
    assertTrue(first.page(LoginsPage.PATH).contains("(1 so far)"));
  }

  @Test
  void aRemovedProvidersUsersAreToldAndLinkAnEmailAddressToKeepTheirComments() throws Exception {
    String permalink = publishedPost("Removed provider");
    String one = Fixtures.unique("bo-one");
    String email = Fixtures.unique("bo").toLowerCase().replace(' ', '-') + "@example.org";
    Browser browser = new Browser(server);
    logIn(browser, permalink, "one", one, "Bo");
    comment(browser, permalink, "Written with One, which goes away.");
    assertFalse(browser.page(permalink).contains("no longer offers"));

    int otherPort = freePort();
    try (TestServer without = TestServer.start(db.database(), config(otherPort, false), clock())) {
      Browser there = browser.on(without);
      String page = there.page(permalink);
      assertTrue(
          page.contains("This blog no longer offers log-in with one."), "told on the next visit");
      assertTrue(page.contains("href=\"/auth/logins\""));
      String logins = there.page(LoginsPage.PATH);
      assertTrue(logins.contains("This blog no longer offers log-in with one."), logins);
      assertTrue(logins.contains("Link Two ID"));

      assertTrue(
          onLogins(there, EmailSignInHandlers.LINK, Map.of("email", email))
              .contains("We have sent a link to the address you gave."));
      URI link = MailedLinks.link(smtp, email, 1);
      String confirm = there.page(MailedLinks.pathOf(link));
      assertTrue(confirm.contains("Add <strong>" + email + "</strong> as a way to log in"));
      HttpResponse<String> added =
          there.post(
              EmailSignInHandlers.FINISH,
              Map.of("token", MailedLinks.token(link), "_csrf", csrf(confirm)));
      assertEquals(303, added.statusCode(), added.body());
      String after = there.page(added.headers().firstValue("Location").orElseThrow());
      assertTrue(after.contains("The new way to log in is linked."), after);
      assertTrue(after.contains(email));

      // Later, in a new browser, with email only: the comment written with One is still theirs.
      Browser fresh = new Browser(without);
      Map<String, String> form = Browser.replyForm(fresh.page(permalink));
      form.putAll(Map.of("author", "Bo", "email", email, "comment", "Back again."));
      assertEquals(303, fresh.post(EmailSignInHandlers.START, form).statusCode());
      URI login = MailedLinks.link(smtp, email, 2);
      String loginPage = fresh.page(MailedLinks.pathOf(login));
      assertEquals(
          303,
          fresh
              .post(
                  EmailSignInHandlers.FINISH,
                  Map.of("token", MailedLinks.token(login), "_csrf", csrf(loginPage)))
              .statusCode());
      String theirs = fresh.page(LoginsPage.PATH);
      assertTrue(theirs.contains("(1 so far)"), theirs);
      assertTrue(theirs.contains("no longer offers log-in with one"), theirs);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
