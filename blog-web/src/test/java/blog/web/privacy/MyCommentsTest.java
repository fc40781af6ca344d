package blog.web.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.core.testing.TestSmtpServer;
import blog.web.testing.Browser;
import blog.web.testing.WebTestBase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "My comments" for a guest, over HTTP with mail to GreenMail: the mailed link (the same answer for
 * an address that never commented), every comment with its state, edit, delete, cancelling a
 * subscription, the JSON download checked against the database, and "Erase me" checked by searching
 * every column of every table for the person afterwards.
 */
class MyCommentsTest extends WebTestBase {
  private static final Pattern LINK = Pattern.compile("https?://\\S+/my-comments\\?token=\\S+");
  private final TestSmtpServer smtp = TestSmtpServer.onFreePort().start();

  @Override
  protected Map<String, String> config() {
    return Map.of(
        "mail.smtp.host", "127.0.0.1",
        "mail.smtp.port", Integer.toString(smtp.port()),
        "mail.smtp.security", "none",
        "mail.from", "Blog <blog@blog.example>",
        "trusted-proxies", "127.0.0.1");
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

  private static void comment(
      Browser browser, String permalink, String name, String email, String text, String ip) {
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", name, "email", email, "comment", text));
    form.put("subscribe_comments", "subscribe");
    HttpResponse<String> posted =
        browser.post(
            "/comments/", form, Map.of("X-Forwarded-For", ip, "User-Agent", "Agent " + name));
    assertEquals(303, posted.statusCode(), posted.body());
  }

  private List<MimeMessage> mailsTo(String email) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : smtp.received()) {
      if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
        found.add(m);
      }
    }
    return found;
  }

  private URI link(String email) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage m : mailsTo(email)) {
        Matcher found = LINK.matcher(m.getContent().toString());
        if (found.find()) {
          return URI.create(found.group());
        }
      }
      smtp.await(smtp.received().size() + 1, Duration.ofMillis(250));
    }
    throw new AssertionError("no My comments link mailed to " + email);
  }

  private static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), page);
    return Browser.unescape(m.group(1));
  }

  private long commentId(String text) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM comments WHERE body_source = :t")
                    .bind("t", text)
                    .mapTo(Long.class)
                    .one());
  }

  private HttpResponse<String> act(
      Browser browser, String page, String path, Map<String, String> f) {
    Map<String, String> form = new java.util.HashMap<>(f);
    form.put("_csrf", csrf(page));
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]*)\"").matcher(page);
    assertTrue(token.find());
    form.put("token", Browser.unescape(token.group(1)));
    return browser.post(path, form);
  }

  private static String follow(Browser browser, HttpResponse<String> redirect) {
    assertEquals(303, redirect.statusCode(), redirect.body());
    return browser.page(redirect.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aGuestSeesDownloadsAndErasesTheirOwnCommentsAndNothingOfAnyoneElse() throws Exception {
    String permalink = publishedPost("Guest data");
    String name = Fixtures.unique("Gwen Guest");
    String email = Fixtures.unique("gwen").toLowerCase().replace(' ', '-') + "@example.org";
    String ip = "203.0.113.77";
    String tag = Fixtures.unique("w");
    String other = Fixtures.unique("oscar").toLowerCase().replace(' ', '-') + "@example.org";
    Browser writer = new Browser(server);
    comment(writer, permalink, name, email, "Published words " + tag, ip);
    comment(writer, permalink, name, email, "Held words " + tag, ip);
    comment(writer, permalink, name, email, "Spam words " + tag, ip);
    comment(new Browser(server), permalink, "Oscar Other", other, "Oscar's words.", "198.51.100.9");
    db.database()
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "UPDATE comments SET status = 'pending' WHERE body_source = ?",
                  "Held words " + tag);
              h.execute(
                  "UPDATE comments SET status = 'spam' WHERE body_source = ?", "Spam words " + tag);
            });

    // Asking: the same answer for an address that never commented, and no mail to it.
    Browser guest = new Browser(server);
    String ask = guest.page(MyCommentsHandlers.PATH);
    assertTrue(ask.contains("Mail me the link"));
    String never = Fixtures.unique("never").toLowerCase().replace(' ', '-') + "@example.org";
    HttpResponse<String> unknown =
        guest.post(MyCommentsHandlers.ASK, Map.of("email", never, "_csrf", csrf(ask)));
    HttpResponse<String> known =
        guest.post(MyCommentsHandlers.ASK, Map.of("email", email, "_csrf", csrf(ask)));
    assertEquals(unknown.headers().firstValue("Location"), known.headers().firstValue("Location"));
    URI link = link(email);
    assertTrue(mailsTo(never).isEmpty(), "nothing is sent to an address the blog does not know");

    String path = link.getRawPath() + "?" + link.getRawQuery();
    assertTrue(
        new Browser(server).page(path).contains("asked for in another browser"),
        "another browser cannot use the link");
    String page = guest.page(path);
    assertTrue(page.contains("Published words " + tag));
    assertTrue(page.contains("Held words " + tag));
    assertTrue(page.contains("Awaiting moderation"));
    assertTrue(page.contains("Spam words " + tag));
    assertTrue(page.contains("Not published"));
    assertFalse(page.contains("Oscar"), "nobody else's comments");

    // Edit one, delete another, cancel the subscription.
    long published = commentId("Published words " + tag);
    page =
        follow(
            guest,
            act(
                guest,
                page,
                MyCommentsHandlers.EDIT,
                Map.of("id", Long.toString(published), "comment", "Edited words " + tag)));
    assertTrue(page.contains("Your comment was changed."), page);
    assertEquals(published, commentId("Edited words " + tag));
    long held = commentId("Held words " + tag);
    page =
        follow(
            guest, act(guest, page, MyCommentsHandlers.DELETE, Map.of("id", Long.toString(held))));
    assertTrue(page.contains("Your comment was deleted."));
    assertFalse(page.contains("Held words " + tag));
    // Somebody else's comment is not theirs to delete.
    long oscars = commentId("Oscar's words.");
    follow(guest, act(guest, page, MyCommentsHandlers.DELETE, Map.of("id", Long.toString(oscars))));
    assertEquals(
        "approved",
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT status FROM comments WHERE id = :id")
                        .bind("id", oscars)
                        .mapTo(String.class)
                        .one()));
    long subscription =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM subscriptions WHERE email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
    page =
        follow(
            guest,
            act(guest, page, MyCommentsHandlers.CANCEL, Map.of("id", Long.toString(subscription))));
    assertTrue(page.contains("The subscription is cancelled"));

    // The download: every comment of theirs in the database, and nothing of anyone else.
    HttpResponse<String> download = act(guest, page, MyCommentsHandlers.EXPORT, Map.of());
    assertEquals(200, download.statusCode());
    assertTrue(
        download.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    JsonNode json = JsonMapper.builder().build().readTree(download.body());
    Set<Long> exported = new HashSet<>();
    json.get("comments").forEach(c -> exported.add(c.get("id").asLong()));
    Set<Long> stored =
        Set.copyOf(
            db.database()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT id FROM comments WHERE author_email = :e")
                            .bind("e", email)
                            .mapTo(Long.class)
                            .list()));
    assertEquals(stored, exported, "every comment, the deleted one too");
    assertEquals(3, exported.size());
    for (JsonNode c : json.get("comments")) {
      assertEquals(ip, c.get("ip_address").asString());
      assertEquals("Agent " + name, c.get("user_agent").asString());
      assertFalse(c.get("ip_address_and_user_agent_kept_until").isNull());
    }
    assertEquals("unsubscribed", json.get("subscriptions").get(0).get("status").asString());
    assertFalse(download.body().contains("Oscar"), "nothing of anyone else");
    assertFalse(download.body().contains(other));
    assertFalse(download.body().contains("198.51.100.9"));

    // Erase me: confirmation asked, then done; the page cache lets go of the post.
    String before = new Browser(server).page(permalink);
    assertTrue(before.contains(name));
    assertTrue(
        follow(guest, act(guest, page, MyCommentsHandlers.ERASE, Map.of()))
            .contains("Tick the box"));
    HttpResponse<String> erased =
        act(guest, page, MyCommentsHandlers.ERASE, Map.of("confirm", "yes"));
    assertEquals(200, erased.statusCode(), erased.body());
    assertTrue(erased.body().contains("You were erased"));
    String after = new Browser(server).page(permalink);
    assertFalse(after.contains(name), "the post's page no longer names them");
    assertTrue(after.contains("Edited words"), "the text stays, as Anonymous, by default");
    assertTrue(after.contains("Oscar Other"), "nobody else is touched");

    assertEquals(List.of(), places(name));
    assertEquals(List.of(), places(ip));
    assertEquals(List.of(), places("Agent " + name));
    // The address is left only in the confirmation mail, which the queue holds to send it.
    List<String> left = places(email);
    assertTrue(left.stream().allMatch(p -> p.startsWith("mail_queue.")), left.toString());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (mailsTo(email).stream().noneMatch(MyCommentsTest::isConfirmation)
        && Instant.now().isBefore(deadline)) {
      smtp.await(smtp.received().size() + 1, Duration.ofMillis(250));
    }
    assertTrue(
        mailsTo(email).stream().anyMatch(MyCommentsTest::isConfirmation), "a confirmation mail");
    assertEquals(
        List.of("erase", "export"),
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT action FROM privacy_requests WHERE requested_by = 'self'"
                                + " ORDER BY id DESC")
                        .mapTo(String.class)
                        .list())
            .subList(0, 2));
    // And Oscar is all there.
    assertFalse(places(other).isEmpty());
  }

  private static boolean isConfirmation(MimeMessage m) {
    try {
      return m.getSubject().contains("Your data was erased");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every "table.column" of the blog's schema whose value contains {@code text}. */
  private List<String> places(String text) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = db.database().dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, c.getSchema(), "%", "%")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          if (!table.toLowerCase().startsWith("flyway")) {
            columns.add(new String[] {table, rs.getString("COLUMN_NAME")});
          }
        }
      }
      assertTrue(columns.size() > 100, "the schema's columns are found: " + columns.size());
      for (String[] col : columns) {
        String sql =
            "SELECT COUNT(*) FROM \""
                + col[0]
                + "\" WHERE POSITION(? IN CAST(\""
                + col[1]
                + "\" AS VARCHAR)) > 0";
        try (var ps = c.prepareStatement(sql)) {
          ps.setString(1, text);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              found.add(col[0].toLowerCase() + "." + col[1].toLowerCase());
            }
          }
        } catch (java.sql.SQLException e) {
          // Columns that cannot be cast to text (binary) cannot hold the text either.
          if (!c.getAutoCommit()) {
            c.rollback();
          }
        }
      }
    }
    return found;
  }

  @Test
  void aCommenterLoggedInWithEmailSeesAndErasesTheirDataWithoutAMailedLink() throws Exception {
    String permalink = publishedPost("Logged-in data");
    String name = Fixtures.unique("Lena Login");
    String email = Fixtures.unique("lena").toLowerCase().replace(' ', '-') + "@example.org";
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", name, "email", email, "comment", "Typed by Lena."));
    assertEquals(
        303,
        browser
            .post("/auth/email/start", form, Map.of("X-Forwarded-For", "192.0.2.44"))
            .statusCode());
    Matcher login = Pattern.compile("https?://\\S+/auth/email/confirm\\?token=(\\S+)").matcher("");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String token = null;
    while (token == null && Instant.now().isBefore(deadline)) {
      for (MimeMessage m : mailsTo(email)) {
        login.reset(m.getContent().toString());
        if (login.find()) {
          token = URLDecoder.decode(login.group(1), StandardCharsets.UTF_8);
        }
      }
      smtp.await(smtp.received().size() + 1, Duration.ofMillis(250));
    }
    assertTrue(token != null, "a log-in mail");
    String confirm =
        browser.page(
            "/auth/email/confirm?token="
                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
    String back =
        follow(
            browser,
            browser.post("/auth/email/finish", Map.of("token", token, "_csrf", csrf(confirm))));
    Map<String, String> reply = Browser.replyForm(back);
    assertEquals("Typed by Lena.", reply.get("comment"));
    assertEquals(
        303,
        browser.post("/comments/", reply, Map.of("X-Forwarded-For", "192.0.2.44")).statusCode());

    String page = browser.page(MyCommentsHandlers.PATH);
    assertTrue(page.contains("Typed by Lena."), page);
    HttpResponse<String> download = act(browser, page, MyCommentsHandlers.EXPORT, Map.of());
    JsonNode json = JsonMapper.builder().build().readTree(download.body());
    assertEquals("email", json.get("profile").get("identities").get(0).get("provider").asString());
    assertEquals(email, json.get("profile").get("identities").get(0).get("subject").asString());
    assertEquals(1, json.get("comments").size());
    assertEquals(1, json.get("log_in_sessions").size());

    HttpResponse<String> erased =
        act(browser, page, MyCommentsHandlers.ERASE, Map.of("confirm", "yes"));
    assertEquals(200, erased.statusCode());
    assertFalse(
        browser.page(permalink).contains("You are commenting using"),
        "logged out: no identity left");
    assertEquals(List.of(), places(name));
    assertEquals(List.of(), places("192.0.2.44"));
    List<String> left = places(email);
    assertTrue(left.stream().allMatch(p -> p.startsWith("mail_queue.")), left.toString());
  }
}
