package blog.web.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.TestSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The log-in links the blog mails, as they arrive at the test SMTP server. */
final class MailedLinks {
  private static final Pattern LINK = Pattern.compile("https?://\\S+/auth/email/confirm\\?\\S+");

  private MailedLinks() {}

  static List<MimeMessage> mailsTo(TestSmtpServer smtp, String recipient)
      throws MessagingException {
    List<MimeMessage> result = new ArrayList<>();
    for (MimeMessage m : smtp.received()) {
      if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)) {
        result.add(m);
      }
    }
    return result;
  }

  /** The log-in link of the {@code nth} mail to {@code email}, waiting up to 30 s for it. */
  static URI link(TestSmtpServer smtp, String email, int nth)
      throws MessagingException, IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (mailsTo(smtp, email).size() < nth && Instant.now().isBefore(deadline)) {
      smtp.await(smtp.received().size() + 1, Duration.ofMillis(250));
    }
    List<MimeMessage> mails = mailsTo(smtp, email);
    assertTrue(mails.size() >= nth, "a log-in mail to " + email);
    Matcher m = LINK.matcher(mails.get(nth - 1).getContent().toString());
    assertTrue(m.find(), "a log-in link in the mail");
    return URI.create(m.group());
  }

  /** The link's path and query, to open on whichever server the browser talks to. */
  static String pathOf(URI link) {
    return link.getRawPath() + "?" + link.getRawQuery();
  }

  static String token(URI link) {
    return URLDecoder.decode(
        link.getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
  }
}
