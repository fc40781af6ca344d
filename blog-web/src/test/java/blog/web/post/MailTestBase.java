package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.TestSmtpServer;
import blog.web.testing.WebTestBase;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;

/**
 * Web tests whose blog sends its notification mails to a real SMTP server (GreenMail) on loopback,
 * with the helpers to wait for them and read their links.
 */
abstract class MailTestBase extends WebTestBase {
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  protected final TestSmtpServer smtp = TestSmtpServer.onFreePort().start();

  @Override
  protected Map<String, String> config() {
    return Map.of(
        "mail.smtp.host", "127.0.0.1",
        "mail.smtp.port", Integer.toString(smtp.port()),
        "mail.smtp.security", "none",
        "mail.from", "Blog <blog@blog.example>");
  }

  @AfterAll
  void stopSmtp() {
    smtp.close();
  }

  /** At least {@code count} mails to {@code recipient}, waiting up to 30 s for them. */
  protected List<MimeMessage> awaitMails(String recipient, int count) throws MessagingException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<MimeMessage> mails = mailsTo(recipient);
    while (mails.size() < count && Instant.now().isBefore(deadline)) {
      smtp.await(smtp.received().size() + 1, Duration.ofMillis(250));
      mails = mailsTo(recipient);
    }
    assertTrue(
        mails.size() >= count,
        "expected " + count + " mails to " + recipient + ", got " + mails.size());
    return mails;
  }

  protected List<MimeMessage> mailsTo(String recipient) throws MessagingException {
    List<MimeMessage> result = new ArrayList<>();
    for (MimeMessage m : smtp.received()) {
      if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)) {
        result.add(m);
      }
    }
    return result;
  }

  protected static String text(MimeMessage mail) throws IOException, MessagingException {
    return mail.getContent().toString();
  }

  /** The first link in {@code text} that contains {@code containing}. */
  protected static String link(String text, String containing) {
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      if (m.group().contains(containing)) {
        return m.group();
      }
    }
    throw new AssertionError("no link with " + containing + " in:\n" + text);
  }

  /** The path and query of a link: mails use the configured public address, tests the port. */
  protected static String path(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
