package blog.core.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * Sends mail over SMTP with Angus Mail, one connection per mail. Every network step has a timeout
 * so a stalled server holds up the dispatcher for seconds, not forever.
 */
public final class SmtpMailer implements Mailer {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final MailSettings settings;
  private final Clock clock;
  private final Session session;
  private final InternetAddress from;

  public SmtpMailer(MailSettings settings, Clock clock) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException("mail is off: " + MailSettings.HOST.key() + " is not set");
    }
    this.settings = settings;
    this.clock = clock;
    this.session = Session.getInstance(properties(settings));
    this.from = settings.fromAddress();
  }

  static Properties properties(MailSettings settings) {
    String timeout = Long.toString(TIMEOUT.toMillis());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.connectiontimeout", timeout);
    p.setProperty("mail.smtp.timeout", timeout);
    p.setProperty("mail.smtp.writetimeout", timeout);
    p.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
    p.setProperty("mail.smtp.from", settings.fromAddress().getAddress());
    p.setProperty("mail.mime.charset", UTF_8);
    switch (settings.security()) {
      case STARTTLS -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        // Without this a server (or an attacker in between) could silently downgrade to plain.
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case TLS -> {
        p.setProperty("mail.smtp.ssl.enable", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {}
    }
    return p;
  }

  @Override
  public void send(OutgoingMail mail) throws MessagingException {
    MimeMessage message = message(mail);
    try (Transport transport = session.getTransport()) {
      transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  /** The MIME message for {@code mail}: plain text, or text and HTML as alternatives. */
  MimeMessage message(OutgoingMail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), UTF_8);
    message.setSentDate(Date.from(clock.instant()));
    if (mail.htmlBody() == null) {
      message.setText(mail.textBody(), UTF_8);
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.textBody(), UTF_8);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.htmlBody(), UTF_8, "html");
      MimeMultipart alternatives = new MimeMultipart("alternative");
      alternatives.addBodyPart(text);
      alternatives.addBodyPart(html);
      message.setContent(alternatives);
    }
    for (Map.Entry<String, String> header : mail.headers().entrySet()) {
      message.setHeader(header.getKey(), encode(header.getKey(), header.getValue()));
    }
    message.saveChanges();
    return message;
  }

  /** Non-ASCII values become RFC 2047 encoded words; long ones are folded. */
  private static String encode(String name, String value) {
    try {
      return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, UTF_8, null));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }
}
