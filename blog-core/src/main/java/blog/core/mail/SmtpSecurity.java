package blog.core.mail;

import java.util.Locale;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
  /** Plain text: only for a relay on the same machine or a test server. */
  NONE,
  /** Upgrade with STARTTLS, and refuse to send if the server does not offer it. */
  STARTTLS,
  /** TLS from the first byte ("implicit TLS", usually port 465). */
  TLS;

  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
