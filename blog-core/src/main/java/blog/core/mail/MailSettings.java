package blog.core.mail;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import blog.core.config.Declaration;
import blog.core.config.Setting;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where and how the blog sends mail. Mail is off while {@code mail.smtp.host} is unset.
 *
 * @param host the SMTP server, or null when mail is off
 * @param username null to send without authentication
 * @param from the sender, e.g. {@code Blog <noreply@example.org>}; null when mail is off
 * @param maxAttempts how many times a mail is tried before it is marked failed
 */
public record MailSettings(
    String host,
    int port,
    String username,
    String password,
    SmtpSecurity security,
    String from,
    int maxAttempts) {

  public static final int DEFAULT_PORT = 587;
  public static final int DEFAULT_TLS_PORT = 465;
  public static final int DEFAULT_MAX_ATTEMPTS = 8;

  public static final Setting<String> HOST =
      Setting.text("mail.smtp.host", null, "SMTP server; unset: mail off");
  public static final Setting<Integer> PORT =
      Setting.wholeNumber("mail.smtp.port", null, "SMTP port, 1 to 65535")
          .defaultShownAs(DEFAULT_PORT + ", or " + DEFAULT_TLS_PORT + " with tls");
  public static final Setting<SmtpSecurity> SECURITY =
      Setting.parsed(
          "mail.smtp.security",
          MailSettings::security,
          SmtpSecurity.STARTTLS,
          SmtpSecurity.STARTTLS.configValue(),
          "starttls (required), tls (from the first byte) or none");
  public static final Setting<String> USERNAME =
      Setting.text("mail.smtp.username", null, "SMTP log-in; set both or neither");
  public static final Setting<String> PASSWORD =
      Setting.text("mail.smtp.password", null, "SMTP password");
  public static final Setting<String> FROM =
      Setting.text(
          "mail.from", null, "the sender, e.g. Blog <blog@example.org>; required with mail");
  public static final Setting<Integer> MAX_ATTEMPTS =
      Setting.wholeNumber(
          "mail.max-attempts", DEFAULT_MAX_ATTEMPTS, "tries per mail (at least 1) before it fails");

  public static final Setting<Integer> LOG_DAYS =
      Setting.wholeNumber(
          "mail.log-days",
          30,
          "days a sent or failed mail stays in the mail log (the queue's table); 0 keeps them");

  /** The mail keys, for the catalog of every setting. */
  public static final List<Declaration> DECLARED =
      List.of(HOST, PORT, SECURITY, USERNAME, PASSWORD, FROM, MAX_ATTEMPTS, LOG_DAYS);

  /** Mail switched off. */
  public static MailSettings disabled() {
    return new MailSettings(
        null, DEFAULT_PORT, null, null, SmtpSecurity.STARTTLS, null, DEFAULT_MAX_ATTEMPTS);
  }

  /** Reads the {@code mail.*} keys; a missing or unusable value throws, naming the key. */
  public static MailSettings from(Config config) {
    int maxAttempts = MAX_ATTEMPTS.read(config);
    if (maxAttempts < 1) {
      throw MAX_ATTEMPTS.problem("must be at least 1 but was " + maxAttempts);
    }
    String host = HOST.find(config).map(String::strip).orElse(null);
    if (host == null) {
      return disabled();
    }
    SmtpSecurity security = SECURITY.read(config);
    int port = PORT.readOr(config, security == SmtpSecurity.TLS ? DEFAULT_TLS_PORT : DEFAULT_PORT);
    if (port < 1 || port > 65_535) {
      throw PORT.problem("must be between 1 and 65535 but was " + port);
    }
    String username = USERNAME.find(config).orElse(null);
    String password = PASSWORD.find(config).orElse(null);
    if (username != null && password == null) {
      throw PASSWORD.problem("is required when " + USERNAME.key() + " is set");
    }
    if (username == null && password != null) {
      throw USERNAME.problem("is required when " + PASSWORD.key() + " is set");
    }
    String from =
        FROM.find(config)
            .orElseThrow(() -> FROM.problem("is required when " + HOST.key() + " is set"));
    return new MailSettings(host, port, username, password, security, sender(from), maxAttempts);
  }

  public MailSettings {
    if (security == null) {
      throw new IllegalArgumentException("security is missing");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (host != null && from == null) {
      throw new IllegalArgumentException("from is required when mail is on");
    }
  }

  public boolean enabled() {
    return host != null;
  }

  /** The sender address as the mailer uses it, a non-ASCII display name encoded for headers. */
  InternetAddress fromAddress() {
    try {
      InternetAddress parsed = new InternetAddress(from, true);
      return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalStateException("mail.from is not a valid address", e);
    }
  }

  private static SmtpSecurity security(String key, String value) {
    for (SmtpSecurity s : SmtpSecurity.values()) {
      if (s.configValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    String allowed =
        Arrays.stream(SmtpSecurity.values())
            .map(SmtpSecurity::configValue)
            .collect(Collectors.joining(", "));
    throw new ConfigException(key, "expected one of " + allowed + " but was '" + value + "'");
  }

  private static String sender(String from) {
    try {
      InternetAddress address = new InternetAddress(from, true);
      address.validate();
      if (address.isGroup()) {
        throw FROM.problem("must be a single address");
      }
      return from;
    } catch (AddressException e) {
      throw FROM.problem("is not a valid address: " + e.getMessage());
    }
  }

  /** Without the password or full addresses, so the settings can be logged. */
  @Override
  public String toString() {
    return "MailSettings[host="
        + host
        + ", port="
        + port
        + ", username="
        + (username == null ? "none" : "(set)")
        + ", password="
        + (password == null ? "none" : "***")
        + ", security="
        + security.configValue()
        + ", from="
        + Redaction.addresses(from)
        + ", maxAttempts="
        + maxAttempts
        + "]";
  }
}
