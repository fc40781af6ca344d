package blog.core.mail;

import blog.core.testing.DatabaseTestBase;
import blog.core.testing.MutableClock;
import blog.core.testing.TestSmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Dispatchers against a real database (H2 and PostgreSQL) and a real SMTP server, with an empty
 * queue, a fresh server (not started) and a clock standing at {@link #T0} for every test.
 */
abstract class MailDispatchTestBase extends DatabaseTestBase {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(20);

  MailQueueRepository queue;
  MutableClock clock;
  TestSmtpServer smtp;

  @Override
  protected void prepare() {
    queue = new MailQueueRepository(db.database().jdbi());
  }

  @BeforeEach
  void emptyQueueAndFreshServer() {
    db.database().jdbi().useHandle(h -> h.execute("DELETE FROM mail_queue"));
    clock = new MutableClock(T0);
    smtp = TestSmtpServer.onFreePort();
  }

  @AfterEach
  void stopServer() {
    smtp.close();
  }

  MailDispatcher dispatcher(MailQueueRepository queue, String worker, int maxAttempts) {
    return new MailDispatcher(
        queue,
        new SmtpMailer(smtp.settings(maxAttempts), clock),
        RetryPolicy.exponential(maxAttempts),
        clock,
        worker);
  }

  static OutgoingMail plain(String to, String subject) {
    return new OutgoingMail(to, subject, "Text of " + subject, null);
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A text part's content with SMTP's line ends made Java's again. */
  static String text(Object content) {
    return ((String) content).replace("\r\n", "\n");
  }
}
