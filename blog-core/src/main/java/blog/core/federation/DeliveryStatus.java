package blog.core.federation;

import java.util.Locale;

/** Where a delivery stands: waiting, being sent, delivered, or given up on (dead). */
public enum DeliveryStatus {
  QUEUED,
  SENDING,
  DELIVERED,
  DEAD;

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DeliveryStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
