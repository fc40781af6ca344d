package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRepository;
import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.ActiveContent;
import blog.web.testing.Browser;
import blog.web.testing.TestServer;
import blog.web.testing.XssPayloads;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Stored-XSS probes as a commenter's name, website and text, and in the post's title, reach the
 * notification mails (the moderation request and new-comment notice to the post's author, the
 * subscription confirmation and the follow-ups to a subscriber) only as text: every body part is
 * text/plain or HTML without active content, and no header gains a line, a recipient or a sender.
 */
class CommentMailXssTest extends MailTestBase {
  private static final Set<String> HEADERS =
      Set.of(
          "return-path",
          "received",
          "message-id",
          "from",
          "to",
          "subject",
          "date",
          "mime-version",
          "content-type",
          "content-transfer-encoding",
          "list-unsubscribe",
          "list-unsubscribe-post");

  /**
   * A post title may hold what the editor lets through: control characters become spaces there, but
   * a pasted Unicode line or paragraph separator stays.
   */
  private static final String TITLE =
      "<script>alert(\"title\")</script>\u2028Bcc: eve@evil.example\u2029<img src=x onerror=y>";

  private static final String TITLE_TEXT = "<script>alert(\"title\")</script>";

  /** Websites the form takes (valid http addresses) that still try to leave a line or a quote. */
  private static final List<String> WEBSITES =
      List.of(
          "http://example.org/'onmouseover='alert(1)",
          "https://example.org/?q=%3Cscript%3Ealert(1)%3C/script%3E",
          "http://example.org/%0D%0ABcc:%20eve@evil.example",
          "https://example.org/#'-alert(1)-'");

  /** Names and texts that try to start a header line of their own. */
  private static final List<String> LINE_BREAKERS =
      List.of(
          "Eve\r\nBcc: eve@evil.example",
          "Eve\nTo: eve@evil.example\n\n<script>alert(1)</script>",
          "=?UTF-8?Q?Eve=0D=0ABcc:_eve@evil.example?=",
          "Eve\u2028Bcc: eve@evil.example");

  private SettingsRepository settings;

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
    settings.putAll(
        Map.of(
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0",
            DiscussionSettings.MODERATION, "none"));
  }

  /** Every eighth probe of the corpus (its kinds are grouped), then the line breakers. */
  private static List<String> probes() {
    List<String> all = XssPayloads.all();
    List<String> probes = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 8) {
      probes.add(all.get(i));
    }
    probes.addAll(LINE_BREAKERS);
    return probes;
  }

  @Test
  void v1_2_1_probesReachMailsOnlyAsText() throws Exception {
    String authorEmail = Fixtures.unique("writer") + "@example.org";
    long author =
        new UserRepository(db.database().jdbi())
            .insert(Fixtures.unique("writer"), "Writer", authorEmail, Role.AUTHOR, Instant.EPOCH);
    long postId =
        fixtures.post(author, TITLE, PostStatus.PUBLISHED, TestServer.NOW.minusSeconds(60));
    String permalink = permalinkOf(postId);

    // A confirmed subscriber, to receive the follow-ups.
    String follower = Fixtures.unique("fay") + "@example.org";
    comment(permalink, "Fay", follower, "", "Tell me what others say.", true);
    String confirm = link(text(awaitMails(follower, 1).get(0)), "/subscriptions/confirm");
    HttpResponse<String> confirmed =
        new Browser(server).post(path(confirm), Map.of(), (String) null);
    assertEquals(200, confirmed.statusCode(), confirmed.body());

    // The first half waits for moderation (the author is asked), the rest is public at once
    // (the author is told, the subscriber gets a follow-up).
    List<String> probes = probes();
    assertTrue(probes.size() >= 30, "a representative share of the corpus: " + probes.size());
    List<String> texts = new ArrayList<>();
    try {
      for (int i = 0; i < probes.size(); i++) {
        settings.putAll(
            Map.of(DiscussionSettings.MODERATION, i < probes.size() / 2 ? "all" : "none"));
        String probe = probes.get(i);
        String email = "probe" + i + "@example.org";
        String name = probe.length() > 245 ? probe.substring(0, 245) : probe;
        String text = probe + "\n\n" + Fixtures.unique("probe");
        if (!comment(permalink, name, email, probe, text, false)) {
          // Most probes are no web address at all; then one that is, yet plays with quotes.
          comment(permalink, name, email, WEBSITES.get(i % WEBSITES.size()), text, false);
        }
        texts.add(lines(text.strip()));
      }
    } finally {
      settings.putAll(Map.of(DiscussionSettings.MODERATION, "none"));
    }

    int approved = new CommentRepository(db.database().jdbi()).listApproved(postId).size();
    assertTrue(approved > probes.size() / 3, "some probes were public at once: " + approved);
    // One notice per comment to the author; a confirmation and a follow-up per other public
    // comment to the subscriber.
    List<MimeMessage> toAuthor = awaitMails(authorEmail, 1 + probes.size());
    List<MimeMessage> toFollower = awaitMails(follower, approved);

    List<String> problems = new ArrayList<>();
    StringBuilder authorText = new StringBuilder();
    StringBuilder followerText = new StringBuilder();
    // Every mail the server sent (to anyone, for either database) passes the checks.
    for (MimeMessage mail : smtp.received()) {
      String text = check(mail, problems);
      String to = mail.getRecipients(Message.RecipientType.TO)[0].toString();
      if (to.equals(authorEmail)) {
        authorText.append(text);
      } else if (to.equals(follower)) {
        followerText.append(text);
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(toAuthor.size() + toFollower.size() > probes.size(), "mails were checked");
    for (String text : texts) {
      assertTrue(authorText.toString().contains(text), "the author reads, as text: " + text);
    }
    for (String text : texts.subList(probes.size() / 2, probes.size())) {
      if (approvedText(postId, text)) {
        assertTrue(followerText.toString().contains(text), "the follower reads: " + text);
      }
    }
  }

  private boolean approvedText(long postId, String text) {
    return new CommentRepository(db.database().jdbi())
        .listApproved(postId).stream().anyMatch(c -> lines(c.bodySource()).equals(text));
  }

  /** Mail travels with CRLF line ends, forms too: compare texts by their lines. */
  private static String lines(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * The problems of one mail, added to {@code problems}; its plain text. Headers: only those the
   * mailer writes, one sender (the configured one), one recipient, a subject on one line with the
   * post's title in it as text. Bodies: text/plain, or HTML without active content.
   */
  private static String check(MimeMessage mail, List<String> problems)
      throws MessagingException, IOException {
    String subject = mail.getSubject();
    String where = "mail \"" + subject + "\": ";
    for (Header header : Collections.list(mail.getAllHeaders())) {
      if (!HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
        problems.add(where + "header " + header.getName() + ": " + header.getValue());
      }
    }
    if (subject.contains("\r") || subject.contains("\n") || !subject.contains(TITLE_TEXT)) {
      problems.add(where + "subject is not the title on one line");
    }
    Address[] from = mail.getFrom();
    if (from.length != 1
        || !"Blog".equals(((InternetAddress) from[0]).getPersonal())
        || !"blog@blog.example".equals(((InternetAddress) from[0]).getAddress())) {
      problems.add(where + "from " + List.of(from));
    }
    if (mail.getAllRecipients().length != 1
        || mail.getAllRecipients()[0].toString().contains("evil.example")
        || mail.getRecipients(Message.RecipientType.CC) != null
        || mail.getRecipients(Message.RecipientType.BCC) != null) {
      problems.add(where + "recipients " + List.of(mail.getAllRecipients()));
    }
    StringBuilder text = new StringBuilder();
    parts(mail, where, text, problems);
    return text.toString();
  }

  private static void parts(Part part, String where, StringBuilder text, List<String> problems)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        parts(multipart.getBodyPart(i), where, text, problems);
      }
    } else if (part.isMimeType("text/plain")) {
      text.append(lines((String) part.getContent())).append('\n');
    } else if (part.isMimeType("text/html")) {
      ActiveContent.find((String) part.getContent()).forEach(p -> problems.add(where + p));
    } else {
      problems.add(where + "a part of type " + part.getContentType());
    }
  }

  /** Sends the reply form; whether the comment was taken (false: refused, a 422). */
  private boolean comment(
      String permalink, String name, String email, String url, String text, boolean follow) {
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", name, "email", email, "url", url, "comment", text));
    if (follow) {
      form.put("subscribe_comments", "subscribe");
    }
    HttpResponse<String> response = browser.post("/comments/", form);
    if (response.statusCode() == 422 && !url.isEmpty()) {
      return false;
    }
    assertEquals(303, response.statusCode(), name + " / " + url + ": " + response.body());
    return true;
  }
}
