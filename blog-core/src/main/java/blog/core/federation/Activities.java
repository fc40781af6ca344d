package blog.core.federation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The activities the blog's account sends about one of its objects (a post's {@code Article}, a
 * comment's {@code Note}): {@code Create} or {@code Update} carrying the object, {@code Delete}
 * carrying a {@code Tombstone}. Each activity's id is the object's with a fragment, so a server
 * that sees it twice knows it.
 */
final class Activities {
  private Activities() {}

  /**
   * {@code Create} (first time) or {@code Update} (the {@code serial}-th edit) of {@code object},
   * addressed as it is, with {@code context} as the activity's {@code @context} (null:
   * ActivityStreams alone) (and the object's {@code published} date if {@code dated}).
   */
  static ObjectNode announce(
      SiteActor site,
      JsonNode context,
      ObjectNode object,
      boolean update,
      long serial,
      boolean dated) {
    ObjectNode activity = Json.object();
    if (context == null) {
      activity.put("@context", Json.AS_CONTEXT);
    } else {
      activity.set("@context", context);
    }
    String objectId = object.get("id").stringValue();
    activity.put("id", objectId + (update ? "#update-" + serial : "#create"));
    activity.put("type", update ? "Update" : "Create");
    activity.put("actor", site.id());
    if (dated) {
      activity.put("published", object.get("published").stringValue());
    }
    activity.set("to", object.get("to"));
    activity.set("cc", object.get("cc"));
    ObjectNode carried = object.deepCopy();
    carried.remove("@context");
    activity.set("object", carried);
    return activity;
  }

  /** {@code Delete} of the object {@code objectId}, with a {@code Tombstone} in its place. */
  static ObjectNode delete(SiteActor site, String objectId) {
    ObjectNode activity = Json.object();
    activity.put("@context", Json.AS_CONTEXT);
    activity.put("id", objectId + "#delete");
    activity.put("type", "Delete");
    activity.put("actor", site.id());
    activity.putArray("to").add(Json.PUBLIC);
    activity.putArray("cc").add(site.followers());
    ObjectNode tombstone = activity.putObject("object");
    tombstone.put("id", objectId);
    tombstone.put("type", "Tombstone");
    return activity;
  }

  /**
   * {@code Update} of the blog's own account (after a key rotation), public and to the followers,
   * its id unique by the time it was made.
   */
  static ObjectNode updateActor(SiteActor site, ObjectNode actor, java.time.Instant now) {
    ObjectNode activity = Json.object();
    activity.set("@context", actor.get("@context"));
    activity.put("id", site.id() + "#update-" + now.toEpochMilli());
    activity.put("type", "Update");
    activity.put("actor", site.id());
    activity.putArray("to").add(Json.PUBLIC);
    activity.putArray("cc").add(site.followers());
    ObjectNode carried = actor.deepCopy();
    carried.remove("@context");
    activity.set("object", carried);
    return activity;
  }
}
