package blog.core.notify;

import java.util.Locale;

/** Double opt-in: pending until confirmed by the link mailed to the address. */
public enum SubscriptionStatus {
  PENDING,
  ACTIVE,
  UNSUBSCRIBED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SubscriptionStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
