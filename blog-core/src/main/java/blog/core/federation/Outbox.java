package blog.core.federation;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Puts activities in the delivery queue: to one inbox, or to every follower (each server's shared
 * inbox once). Joins the caller's transaction, so the activity is queued with its cause or not at
 * all; {@code wake} asks the worker to deliver soon after the commit.
 */
public final class Outbox {
  private final DeliveryRepository queue;
  private final FollowerRepository followers;

  public Outbox(DeliveryRepository queue, FollowerRepository followers) {
    this.queue = queue;
    this.followers = followers;
  }

  public void send(String inbox, JsonNode activity, Instant now) {
    queue.enqueue(inbox, Json.text(activity), now, now);
  }

  /** Queues the activity for every follower's inbox; returns how many deliveries it made. */
  public int toFollowers(JsonNode activity, Instant now) {
    return toFollowersAnd(null, activity, now);
  }

  /**
   * Queues the activity for every follower's inbox and for {@code inbox} (null for none) unless it
   * is one of theirs already; returns how many deliveries it made.
   */
  public int toFollowersAnd(String inbox, JsonNode activity, Instant now) {
    String text = Json.text(activity);
    java.util.Set<String> inboxes = new java.util.LinkedHashSet<>(followers.deliveryInboxes());
    if (inbox != null) {
      inboxes.add(inbox);
    }
    for (String to : inboxes) {
      queue.enqueue(to, text, now, now);
    }
    return inboxes.size();
  }
}
