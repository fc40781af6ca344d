package blog.core.mail;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
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

  public static final String HOST = "mail.smtp.host";
  public static final String PORT = "mail.smtp.port";
  public static final String USERNAME = "mail.smtp.username";
  public static final String PASSWORD = "mail.smtp.password";
  public static final String SECURITY = "mail.smtp.security";
  public static final String FROM = "mail.from";
  public static final String MAX_ATTEMPTS = "mail.max-attempts";

  public static final int DEFAULT_PORT = 587;
  public static final int DEFAULT_TLS_PORT = 465;
  public static final int DEFAULT_MAX_ATTEMPTS = 8;

  /** Mail switched off. */
  public static MailSettings disabled() {
    return new MailSettings(
        null, DEFAULT_PORT, null, null, SmtpSecurity.STARTTLS, null, DEFAULT_MAX_ATTEMPTS);
  }

  /** Reads the {@code mail.*} keys; a missing or unusable value throws, naming the key. */
  public static MailSettings from(Config config) {
    int maxAttempts = config.getInt(MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS);
    if (maxAttempts < 1) {
      throw new ConfigException(MAX_ATTEMPTS, "must be at least 1 but was " + maxAttempts);
    }
    String host = config.get(HOST).map(String::strip).orElse(null);
    if (host == null) {
      return disabled();
    }
    SmtpSecurity security = security(config.get(SECURITY, "starttls"));
    int port = config.getInt(PORT, security == SmtpSecurity.TLS ? DEFAULT_TLS_PORT : DEFAULT_PORT);
    if (port < 1 || port > 65_535) {
      throw new ConfigException(PORT, "must be between 1 and 65535 but was " + port);
    }
    String username = config.get(USERNAME).orElse(null);
    String password = config.get(PASSWORD).orElse(null);
    if (username != null && password == null) {
      throw new ConfigException(PASSWORD, "is required when " + USERNAME + " is set");
    }
    if (username == null && password != null) {
      throw new ConfigException(USERNAME, "is required when " + PASSWORD + " is set");
    }
    String from =
        config
            .get(FROM)
            .orElseThrow(() -> new ConfigException(FROM, "is required when " + HOST + " is set"));
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

  private static SmtpSecurity security(String value) {
    for (SmtpSecurity s : SmtpSecurity.values()) {
      if (s.configValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    String allowed =
        Arrays.stream(SmtpSecurity.values())
            .map(SmtpSecurity::configValue)
            .collect(Collectors.joining(", "));
    throw new ConfigException(SECURITY, "expected one of " + allowed + " but was '" + value + "'");
  }

  private static String sender(String from) {
    try {
      InternetAddress address = new InternetAddress(from, true);
      address.validate();
      if (address.isGroup()) {
        throw new ConfigException(FROM, "must be a single address");
      }
      return from;
    } catch (AddressException e) {
      throw new ConfigException(FROM, "is not a valid address: " + e.getMessage());
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
