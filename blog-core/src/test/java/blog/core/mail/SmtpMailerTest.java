package blog.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.MutableClock;
import blog.core.testing.TestSmtpServer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpMailerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final TestSmtpServer smtp = TestSmtpServer.onFreePort();
  private final OutgoingMail mail =
      new OutgoingMail("reader@example.org", "Hello", "Hello there", null);

  @AfterEach
  void stopServer() {
    smtp.close();
  }

  @Test
  void logsInWithTheConfiguredCredentials() throws Exception {
    smtp.withLogin("blog", "s3cret").start();

    new SmtpMailer(smtp.settings(8), clock).send(mail);

    assertTrue(smtp.await(1, Duration.ofSeconds(20)));
  }

  @Test
  void aWrongPasswordIsAnErrorNotASilentSend() {
    smtp.withLogin("blog", "s3cret").start();
    MailSettings wrong =
        new MailSettings(
            "127.0.0.1", smtp.port(), "blog", "guess", SmtpSecurity.NONE, TestSmtpServer.FROM, 8);

    assertThrows(
        AuthenticationFailedException.class, () -> new SmtpMailer(wrong, clock).send(mail));
    assertEquals(0, smtp.received().size());
  }

  @Test
  void starttlsIsRequiredNotMerelyAttempted() {
    smtp.start();
    MailSettings starttls =
        new MailSettings(
            "127.0.0.1", smtp.port(), null, null, SmtpSecurity.STARTTLS, TestSmtpServer.FROM, 8);

    MessagingException e =
        assertThrows(MessagingException.class, () -> new SmtpMailer(starttls, clock).send(mail));

    assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
    assertEquals(0, smtp.received().size(), "nothing went out in plain text");
  }

  @Test
  void everyNetworkStepHasATimeout() {
    Properties p = SmtpMailer.properties(smtp.settings(8));
    assertEquals("10000", p.getProperty("mail.smtp.connectiontimeout"));
    assertEquals("10000", p.getProperty("mail.smtp.timeout"));
    assertEquals("10000", p.getProperty("mail.smtp.writetimeout"));
  }

  @Test
  void refusesToBeBuiltWhenMailIsOff() {
    assertThrows(
        IllegalArgumentException.class, () -> new SmtpMailer(MailSettings.disabled(), clock));
  }
}
