package blog.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.IdentityRepository;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import blog.core.testing.TestSmtpServer;
import blog.web.testing.Browser;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * "Log in with email" over HTTP, with the blog's mail going to a real SMTP server (GreenMail) on
 * loopback: the link logs in once, in the browser that asked, for 15 minutes; the typed comment
 * survives the trip; every address gets the same answer; asking is limited.
 */
class EmailSignInTest extends WebTestBase {
  private static final String TYPED = "Typed before the mail came, & kept <intact>.";
  private static final AtomicInteger CLIENTS = new AtomicInteger(1);

  private final TestSmtpServer smtp = TestSmtpServer.onFreePort().start();
  private final MutableClock clock = new MutableClock(TestServer.NOW);

  @Override
  protected Map<String, String> config() {
    return Map.of(
        "mail.smtp.host", "127.0.0.1",
        "mail.smtp.port", Integer.toString(smtp.port()),
        "mail.smtp.security", "none",
        "mail.from", "Blog <blog@blog.example>",
        // Each test asks from an address of its own (X-Forwarded-For), so the per-client limit
        // of one test does not meet another's.
        "trusted-proxies", "127.0.0.1");
  }

  @Override
  protected Clock clock() {
    return clock;
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
  void stopSmtp() {
    smtp.close();
  }

  private static String client() {
    return "198.51.100." + CLIENTS.getAndIncrement();
  }

  private static String address(String who) {
    return Fixtures.unique(who).toLowerCase().replace(' ', '-') + "@example.org";
  }

  /** Types name, address and comment, and chooses "Log in with email": the redirect back. */
  private static HttpResponse<String> ask(
      Browser browser, String permalink, String email, String client) {
    String page = browser.page(permalink);
    assertTrue(page.contains("formaction=\"/auth/email/start\""), "the button is offered");
    Map<String, String> form = Browser.replyForm(page);
    form.putAll(Map.of("author", "Mail Reader", "email", email, "comment", TYPED));
    HttpResponse<String> back =
        browser.post("/auth/email/start", form, Map.of("X-Forwarded-For", client));
    assertEquals(303, back.statusCode(), back.body());
    return back;
  }

  /** The post page the blog sent the browser back to. */
  private static String followBack(Browser browser, HttpResponse<String> redirect) {
    assertEquals(303, redirect.statusCode(), redirect.body());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return browser.page(location.substring(0, location.indexOf('#')));
  }

  private static String notice(String page) {
    Matcher m = Pattern.compile("<p class=\"form-notice\" role=\"status\">(.*?)</p>").matcher(page);
    return m.find() ? Browser.unescape(m.group(1)) : "";
  }

  private List<MimeMessage> mailsTo(String recipient) throws MessagingException {
    return MailedLinks.mailsTo(smtp, recipient);
  }

  private URI mailedLink(String email, int nth) throws MessagingException, IOException {
    return MailedLinks.link(smtp, email, nth);
  }

  private static String pathOf(URI link) {
    return MailedLinks.pathOf(link);
  }

  private static String token(URI link) {
    return MailedLinks.token(link);
  }

  /** Clicks the button of the confirmation page: the answer. */
  private static HttpResponse<String> finish(Browser browser, URI link) {
    String page = browser.page(pathOf(link));
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(csrf.find(), page);
    return browser.post(
        "/auth/email/finish",
        Map.of("token", token(link), "_csrf", Browser.unescape(csrf.group(1))));
  }

  @Test
  void theMailedLinkLogsInOnceAndTheTypedCommentComesBack() throws Exception {
    String permalink = publishedPost("Mailed log-in");
    String email = address("reader");
    Browser browser = new Browser(server);
    String waiting = followBack(browser, ask(browser, permalink, email, client()));
    assertEquals(
        "We have sent a log-in link to "
            + email
            + ". Open it in this browser within 15 minutes; your comment is kept for you.",
        notice(waiting));
    assertEquals(TYPED, Browser.replyForm(waiting).get("comment"), "kept while waiting");

    URI link = mailedLink(email, 1);
    assertTrue(mailsTo(email).get(0).getSubject().contains("Your log-in link"));
    // Opening the link (as a mail scanner would) changes nothing; the button logs in.
    assertEquals(200, browser.get(pathOf(link)).statusCode());
    assertEquals(200, browser.get(pathOf(link)).statusCode());
    String back = followBack(browser, finish(browser, link));
    assertTrue(back.contains("You are commenting using your email address."), back);
    assertTrue(back.contains("Commenting as <strong>Mail Reader</strong>"), back);
    assertEquals(TYPED, Browser.replyForm(back).get("comment"));

    // Used once: the link is spent.
    assertEquals(400, browser.get(pathOf(link)).statusCode());
    HttpResponse<String> again =
        browser.post(
            "/auth/email/finish",
            Map.of("token", token(link), "_csrf", csrfOf(browser.page(permalink))));
    assertEquals(400, again.statusCode());

    // A comment now goes in under the email identity.
    Map<String, String> form = Browser.replyForm(back);
    assertFalse(form.containsKey("email"), "no address field once logged in");
    assertEquals(303, browser.post("/comments/", form).statusCode());
    String provider =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT i.provider FROM comments c
                            JOIN commenter_identities i ON i.id = c.identity_id
                            WHERE i.subject = :email AND c.body_source = :body
                            """)
                        .bind("email", email)
                        .bind("body", TYPED)
                        .mapTo(String.class)
                        .one());
    assertEquals("email", provider);
  }

  private static String csrfOf(String page) {
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(csrf.find());
    return Browser.unescape(csrf.group(1));
  }

  @Test
  void anotherBrowserCannotUseTheLinkAndDoesNotSpendIt() throws Exception {
    String permalink = publishedPost("Other browser");
    String email = address("owner");
    Browser asker = new Browser(server);
    ask(asker, permalink, email, client());
    URI link = mailedLink(email, 1);

    Browser other = new Browser(server);
    other.page(permalink);
    HttpResponse<String> page = other.get(pathOf(link));
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("asked for in another browser"), page.body());
    HttpResponse<String> forced =
        other.post(
            "/auth/email/finish",
            Map.of("token", token(link), "_csrf", csrfOf(other.page(permalink))));
    assertEquals(400, forced.statusCode());
    assertFalse(
        other.page(permalink).contains("You are commenting using your email address."),
        "the other browser is not logged in");

    // The browser that asked still can.
    String back = followBack(asker, finish(asker, link));
    assertTrue(back.contains("You are commenting using your email address."));
  }

  @Test
  void theLinkExpiresAfterFifteenMinutes() throws Exception {
    String permalink = publishedPost("Expiring");
    String email = address("late");
    Browser browser = new Browser(server);
    ask(browser, permalink, email, client());
    URI link = mailedLink(email, 1);
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    try {
      assertEquals(400, browser.get(pathOf(link)).statusCode());
    } finally {
      clock.set(TestServer.NOW);
    }
  }

  @Test
  void aForgedTokenIsRefused() {
    String permalink = publishedPost("Forged");
    Browser browser = new Browser(server);
    String csrf = csrfOf(browser.page(permalink));
    assertEquals(400, browser.get("/auth/email/confirm?token=forged-token").statusCode());
    assertEquals(400, browser.get("/auth/email/confirm").statusCode());
    assertEquals(
        400,
        browser.post("/auth/email/finish", Map.of("token", "forged", "_csrf", csrf)).statusCode());
    // Without the form's CSRF token nothing is even looked at.
    assertEquals(403, browser.post("/auth/email/finish", Map.of("token", "x")).statusCode());
  }

  @Test
  void aKnownAndAnUnknownAddressGetTheSameAnswer() throws Exception {
    String permalink = publishedPost("Same answer");
    String known = address("known");
    new IdentityRepository(db.database().jdbi())
        .save("email", known, "Known", known, null, null, TestServer.NOW);
    String unknown = address("unknown");
    Browser one = new Browser(server);
    Browser two = new Browser(server);
    HttpResponse<String> a = ask(one, permalink, known, client());
    HttpResponse<String> b = ask(two, permalink, unknown, client());
    assertEquals(a.statusCode(), b.statusCode());
    assertEquals(
        notice(followBack(one, a)).replace(known, "ADDRESS"),
        notice(followBack(two, b)).replace(unknown, "ADDRESS"));
    // Both get a link: logging in with email needs no earlier account.
    mailedLink(known, 1);
    mailedLink(unknown, 1);
  }

  @Test
  void asksAreLimitedPerAddressSilentlyAndPerClientPlainly() throws Exception {
    String permalink = publishedPost("Limited");
    String email = address("flooded");
    Browser browser = new Browser(server);
    String first = "";
    for (int i = 0; i < 5; i++) {
      String message = notice(followBack(browser, ask(browser, permalink, email, client())));
      if (i == 0) {
        first = message;
      }
      assertEquals(first, message, "the same answer, limited or not");
    }
    mailedLink(email, 3);
    // Give the dispatcher a moment to prove it sends no fourth.
    smtp.await(smtp.received().size() + 1, Duration.ofSeconds(2));
    assertEquals(3, mailsTo(email).size(), "three links per address per 15 minutes");

    String oneClient = client();
    for (int i = 0; i < 10; i++) {
      ask(browser, permalink, address("many" + i), oneClient);
    }
    String refusedPage =
        followBack(browser, ask(browser, permalink, address("eleventh"), oneClient));
    assertTrue(
        notice(refusedPage).startsWith("Too many log-in links were asked for"),
        notice(refusedPage));
    assertEquals(TYPED, Browser.replyForm(refusedPage).get("comment"), "nothing typed is lost");
  }

  @Test
  void aNameAndAValidAddressAreNeededAndNothingTypedIsLost() {
    String permalink = publishedPost("Needs address");
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", "Someone", "email", "not an address", "comment", TYPED));
    String back =
        followBack(
            browser, browser.post("/auth/email/start", form, Map.of("X-Forwarded-For", client())));
    assertEquals("Please enter a valid email address to log in with email.", notice(back));
    Map<String, String> kept = Browser.replyForm(back);
    assertEquals(TYPED, kept.get("comment"));
    assertEquals("not an address", kept.get("email"));
    assertEquals("Someone", kept.get("author"));
  }
}
