package blog.core.federation;

import java.net.URI;
import java.util.Locale;

/**
 * An account on another server as its actor document describes it: where to deliver to, what to
 * show of it, and its public key (whose owner is this actor).
 */
public record RemoteActor(
    String id,
    String inbox,
    String sharedInbox,
    String preferredUsername,
    String name,
    String url,
    String iconUrl,
    String keyId,
    String publicKeyPem) {

  /** The server's host name, lower case (what a domain block names). */
  public String domain() {
    return domainOf(id);
  }

  /** {@code @user@host}. */
  public String handle() {
    String user =
        preferredUsername == null || preferredUsername.isBlank() ? "unknown" : preferredUsername;
    return "@" + user + "@" + domain();
  }

  /** The name to show: the display name, else the user name. */
  public String displayName() {
    if (name != null && !name.isBlank()) {
      return name.strip();
    }
    return preferredUsername == null || preferredUsername.isBlank() ? handle() : preferredUsername;
  }

  /** Where to send activities for this account: its server's shared inbox if it has one. */
  public String deliveryInbox() {
    return sharedInbox != null && !sharedInbox.isBlank() ? sharedInbox : inbox;
  }

  static String domainOf(String uri) {
    try {
      String host = URI.create(uri).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
