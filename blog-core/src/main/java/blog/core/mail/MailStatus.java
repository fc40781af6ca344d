package blog.core.mail;

import java.util.Locale;

/** Where a queued mail is: waiting, claimed by a dispatcher, delivered, or given up on. */
public enum MailStatus {
  QUEUED,
  SENDING,
  SENT,
  FAILED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MailStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
