package blog.core.federation;

import blog.core.comment.CommentRepository;
import blog.core.db.Transactions;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the blog does with an activity that passed {@link InboxGate}: {@code Follow} (the follower
 * stored and an {@code Accept} queued, in one transaction), {@code Undo} of a follow, {@code
 * Create}, {@code Update} and {@code Delete} of a note replying to one of the blog's posts or to a
 * reply under one, and {@code Like} and {@code Announce} (a boost) of a post, counted once per
 * account, and their {@code Undo}. Anything else is acknowledged and left alone.
 */
public final class Inbox {
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);
  private static final Pattern PERMALINK =
      Pattern.compile("/[0-9]{4}/[0-9]{2}/[0-9]{2}/([^/#?]+)/?(?:#comment-([0-9]{1,18}))?");

  private final SiteActor site;
  private final FollowerRepository followers;
  private final Outbox outbox;
  private final RemoteReplies replies;
  private final ReactionRepository reactions;
  private final RemoteActors actors;
  private final PostRepository posts;
  private final CommentRepository comments;
  private final Transactions transactions;
  private final Clock clock;
  private final Runnable wake;

  public Inbox(
      SiteActor site,
      FollowerRepository followers,
      Outbox outbox,
      RemoteReplies replies,
      ReactionRepository reactions,
      RemoteActors actors,
      PostRepository posts,
      CommentRepository comments,
      Transactions transactions,
      Clock clock,
      Runnable wake) {
    this.site = site;
    this.followers = followers;
    this.outbox = outbox;
    this.replies = replies;
    this.reactions = reactions;
    this.actors = actors;
    this.posts = posts;
    this.comments = comments;
    this.transactions = transactions;
    this.clock = clock;
    this.wake = wake;
  }

  /** Acts on the activity; {@link Refused} when it cannot be taken. */
  public void receive(InboxGate.Verified verified) {
    RemoteActor actor = verified.actor();
    JsonNode activity = verified.activity();
    String type = Json.string(activity, "type");
    if (type == null) {
      throw Refused.malformed("an activity without a type");
    }
    switch (type) {
      case "Follow" -> follow(actor, activity);
      case "Undo" -> undo(actor, activity);
      case "Create" -> create(actor, object(actor, activity));
      case "Update" -> update(actor, object(actor, activity));
      case "Delete" -> delete(actor, activity);
      case "Like" -> react(actor, activity, ReactionRepository.Kind.LIKE);
      case "Announce" -> react(actor, activity, ReactionRepository.Kind.ANNOUNCE);
      default -> log.info("{} from {} acknowledged and ignored", type, actor.domain());
    }
  }

  private void follow(RemoteActor actor, JsonNode activity) {
    if (!site.id().equals(Json.id(activity, "object"))) {
      throw new Refused(422, "only the blog itself can be followed here");
    }
    Instant now = clock.instant();
    ObjectNode accept = Json.object();
    accept.put("@context", Json.AS_CONTEXT);
    accept.put("id", site.id() + "#accept-" + UUID.randomUUID());
    accept.put("type", "Accept");
    accept.put("actor", site.id());
    accept.set("object", activity);
    transactions.inTransaction(
        () -> {
          followers.save(actor, now);
          outbox.send(actor.inbox(), accept, now);
          return null;
        });
    wake.run();
    log.info("{} follows the blog", actor.domain());
  }

  private void undo(RemoteActor actor, JsonNode activity) {
    JsonNode object = activity.get("object");
    String objectType = object != null && object.isObject() ? Json.string(object, "type") : null;
    if ("Like".equals(objectType) || "Announce".equals(objectType)) {
      unreact(actor, object, objectType);
      return;
    }
    String undoneId = Json.idOf(object);
    if (objectType == null
        && undoneId != null
        && reactions.removeByActivity(actor.id(), undoneId, clock.instant()) > 0) {
      return; // a like or boost named by its id
    }
    if ("Follow".equals(objectType)) {
      if (!actor.id().equals(Json.id(object, "actor"))) {
        throw new Refused(403, "only the follower may undo a follow");
      }
      followers.remove(actor.id());
      log.info("{} no longer follows the blog", actor.domain());
    } else if (objectType == null && followers.findByActor(actor.id()).isPresent()) {
      // Some servers name the follow by id only: the actor stops following.
      followers.remove(actor.id());
    }
  }

  /**
   * A like or boost of one of the blog's posts (by its id or permalink), counted once per account;
   * of anything else (a comment, another server's note), not kept.
   */
  private void react(RemoteActor actor, JsonNode activity, ReactionRepository.Kind kind) {
    Instant now = clock.instant();
    Optional<Target> target =
        target(Json.id(activity, "object"))
            .filter(t -> t.parentId() == null)
            .filter(t -> posts.findById(t.postId()).filter(p -> p.isVisibleAt(now)).isPresent());
    if (target.isEmpty()) {
      log.info("{} from {} not of a post here, ignored", kind, actor.domain());
      return;
    }
    reactions.add(target.get().postId(), kind, actor.id(), Json.string(activity, "id"), now);
  }

  private void unreact(RemoteActor actor, JsonNode undone, String type) {
    String undoneActor = Json.id(undone, "actor");
    if (undoneActor != null && !actor.id().equals(undoneActor)) {
      throw new Refused(403, "only its author may undo a " + type);
    }
    String undoneId = Json.string(undone, "id");
    Instant now = clock.instant();
    if (undoneId != null && reactions.removeByActivity(actor.id(), undoneId, now) > 0) {
      return;
    }
    ReactionRepository.Kind kind =
        "Like".equals(type) ? ReactionRepository.Kind.LIKE : ReactionRepository.Kind.ANNOUNCE;
    target(Json.id(undone, "object"))
        .filter(t -> t.parentId() == null)
        .ifPresent(t -> reactions.remove(t.postId(), kind, actor.id(), now));
  }

  /** The activity's object: embedded, or fetched by id (and then it must be the actor's). */
  private JsonNode object(RemoteActor actor, JsonNode activity) {
    JsonNode object = activity.get("object");
    if (object != null && object.isString()) {
      object = actors.object(object.stringValue());
    }
    if (object == null || !object.isObject()) {
      throw Refused.malformed("an activity without an object");
    }
    return object;
  }

  private void create(RemoteActor actor, JsonNode object) {
    if (!"Note".equals(Json.string(object, "type"))) {
      return;
    }
    String objectId = Json.string(object, "id");
    requireAuthor(actor, object, objectId);
    Optional<Target> target = target(Json.id(object, "inReplyTo"));
    if (target.isEmpty()) {
      log.info("a note from {} not replying to this blog, ignored", actor.domain());
      return;
    }
    replies.receive(
        actor,
        objectId,
        Json.string(object, "content"),
        target.get().postId(),
        target.get().parentId());
  }

  private void update(RemoteActor actor, JsonNode object) {
    if (!"Note".equals(Json.string(object, "type"))) {
      return; // e.g. a profile update: nothing of it is kept but in comments already shown
    }
    String objectId = Json.string(object, "id");
    requireAuthor(actor, object, objectId);
    if (replies.commentOf(objectId).isPresent()) {
      replies.edit(actor, objectId, Json.string(object, "content"));
    }
  }

  private void delete(RemoteActor actor, JsonNode activity) {
    String objectId = Json.id(activity, "object");
    if (objectId == null) {
      throw Refused.malformed("a Delete without an object");
    }
    if (objectId.equals(actor.id())) {
      followers.remove(actor.id()); // the account is gone
      return;
    }
    if (replies.commentOf(objectId).isPresent()) {
      replies.delete(actor, objectId);
    }
  }

  private static void requireAuthor(RemoteActor actor, JsonNode object, String objectId) {
    if (objectId == null) {
      throw Refused.malformed("a note without an id");
    }
    if (!actor.id().equals(Json.id(object, "attributedTo"))) {
      throw new Refused(403, "the note is not the actor's own");
    }
    if (!RemoteActor.domainOf(objectId).equals(actor.domain())) {
      throw new Refused(403, "the note is from another server than its author");
    }
  }

  /** What a note replies to: one of the blog's posts, or a comment under one. */
  record Target(long postId, Long parentId) {}

  Optional<Target> target(String inReplyTo) {
    if (inReplyTo == null) {
      return Optional.empty();
    }
    String base = site.baseUrl();
    if (inReplyTo.startsWith(base + SiteActor.POSTS_PATH)) {
      String id = inReplyTo.substring((base + SiteActor.POSTS_PATH).length());
      return id.matches("[0-9]{1,18}")
          ? posts.findById(Long.parseLong(id)).map(p -> new Target(p.id(), null))
          : Optional.empty();
    }
    if (inReplyTo.startsWith(base + "/")) {
      Matcher m = PERMALINK.matcher(inReplyTo.substring(base.length()));
      if (m.matches()) {
        Optional<Post> post = posts.findVisibleBySlug(m.group(1), clock.instant());
        if (post.isEmpty()) {
          return Optional.empty();
        }
        Long parent = m.group(2) == null ? null : Long.parseLong(m.group(2));
        return Optional.of(new Target(post.get().id(), parent));
      }
      return Optional.empty();
    }
    return replies
        .commentOf(inReplyTo)
        .flatMap(comments::findById)
        .map(c -> new Target(c.postId(), c.id()));
  }
}
