package blog.core.federation;

import java.time.Clock;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The inbox's door: an activity is let in only when its body is small enough, its server and
 * account are not blocked, and it carries a valid HTTP signature (a {@code Date} within {@link
 * HttpSignatures#WINDOW}, a {@code Digest} of this very body, signed over the request target, host,
 * date and digest) by a key whose owner is the activity's actor, and its server has not sent more
 * than its share this minute ({@link ServerRateLimit}). The cheap checks come first, so an unsigned
 * request never makes the blog fetch anything. Keys that verified are kept a while ({@link
 * RemoteKeys}); a kept key that fails is fetched again once, so a rotated key is taken.
 */
public final class InboxGate {
  /** Activities are small; Mastodon's largest notes are a few KiB. */
  public static final int MAX_BODY_BYTES = 128 * 1024;

  private final RemoteActors actors;
  private final BlockRepository blocks;
  private final ServerRateLimit rateLimit;
  private final Clock clock;
  private final RemoteKeys keys = new RemoteKeys();

  public InboxGate(
      RemoteActors actors, BlockRepository blocks, ServerRateLimit rateLimit, Clock clock) {
    this.actors = actors;
    this.blocks = blocks;
    this.rateLimit = rateLimit;
    this.clock = clock;
  }

  /** An activity that passed the door, and the account that signed it. */
  public record Verified(RemoteActor actor, JsonNode activity) {}

  public Verified admit(InboxRequest request) {
    byte[] body = request.body();
    if (body.length > MAX_BODY_BYTES) {
      throw new Refused(413, "activity larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode activity = Json.parse(body);
    String actorId = Json.id(activity, "actor");
    if (actorId == null) {
      throw Refused.malformed("an activity without an actor");
    }
    HttpSignatures.Parsed signature = HttpSignatures.parse(request.header().apply("signature"));
    if (blocks.isBlocked(actorId, RemoteActor.domainOf(actorId))
        || blocks.isBlocked(null, RemoteActor.domainOf(signature.keyId()))) {
      throw new Refused(403, "blocked");
    }
    rateLimit.count(RemoteActor.domainOf(actorId));
    HttpSignatures.checkDate(request.header().apply("date"), clock.instant());
    HttpSignatures.checkDigest(request.header().apply("digest"), body);
    if (!RemoteActor.domainOf(signature.keyId()).equals(RemoteActor.domainOf(actorId))) {
      throw Refused.unsigned("the key is from another server than the actor");
    }
    Instant now = clock.instant();
    RemoteActor kept = keys.find(signature.keyId(), now);
    if (kept != null && kept.id().equals(actorId)) {
      try {
        verify(signature, request, kept);
        return new Verified(kept, activity);
      } catch (Refused e) {
        keys.forget(signature.keyId()); // perhaps a new key: fetched again below
      }
    }
    RemoteActor signer = actors.byKeyId(signature.keyId());
    if (!signer.id().equals(actorId)) {
      throw Refused.unsigned("the key's owner " + signer.id() + " is not the actor " + actorId);
    }
    verify(signature, request, signer);
    keys.keep(signature.keyId(), signer, now);
    return new Verified(signer, activity);
  }

  private static void verify(
      HttpSignatures.Parsed signature, InboxRequest request, RemoteActor signer) {
    java.security.PublicKey key;
    try {
      key = Pem.readPublic(signer.publicKeyPem());
    } catch (java.security.GeneralSecurityException e) {
      throw Refused.unsigned("the actor's public key cannot be read");
    }
    HttpSignatures.verify(
        signature,
        "post",
        request.pathAndQuery(),
        request.header(),
        key,
        HttpSignatures.SIGNED_POST);
  }
}
