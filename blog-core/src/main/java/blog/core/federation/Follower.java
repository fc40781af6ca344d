package blog.core.federation;

import java.time.Instant;

/** An account on another server that follows the blog. */
public record Follower(
    long id,
    String actorId,
    String inbox,
    String sharedInbox,
    String handle,
    String domain,
    Instant createdAt) {

  /** Where to deliver to it: its server's shared inbox, else its own. */
  public String deliveryInbox() {
    return sharedInbox != null && !sharedInbox.isBlank() ? sharedInbox : inbox;
  }
}
