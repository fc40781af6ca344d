package blog.core.federation;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The inbox's door: an activity is let in only when its body is small enough, its server and
 * account are not blocked, and it carries a valid HTTP signature by a key whose owner is the
 * activity's actor: draft-cavage ({@link HttpSignatures}: a {@code Date} within {@link
 * HttpSignatures#WINDOW}, a {@code Digest} of this very body, signed over the request target, host,
 * date and digest) or RFC 9421 ({@link MessageSignatures}: {@code created} within the same window,
 * a {@code Content-Digest} of the body, covering the method, the target and the digest), and its
 * server has not sent more than its share this minute ({@link ServerRateLimit}). The cheap checks
 * come first, so an unsigned request never makes the blog fetch anything. Keys that verified are
 * kept a while ({@link RemoteKeys}); a kept key that fails is fetched again once, so a rotated key
 * is taken.
 */
public final class InboxGate {
  /** Activities are small; Mastodon's largest notes are a few KiB. */
  public static final int MAX_BODY_BYTES = 128 * 1024;

  private final SiteActor site;
  private final RemoteActors actors;
  private final BlockRepository blocks;
  private final ServerRateLimit rateLimit;
  private final Clock clock;
  private final RemoteKeys keys = new RemoteKeys();

  public InboxGate(
      SiteActor site,
      RemoteActors actors,
      BlockRepository blocks,
      ServerRateLimit rateLimit,
      Clock clock) {
    this.site = site;
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
    Signed signature = signed(request);
    if (blocks.isBlocked(actorId, RemoteActor.domainOf(actorId))
        || blocks.isBlocked(null, RemoteActor.domainOf(signature.keyId()))) {
      throw new Refused(403, "blocked");
    }
    rateLimit.count(RemoteActor.domainOf(actorId));
    Instant now = clock.instant();
    signature.checkTimeAndBody().accept(now);
    if (!RemoteActor.domainOf(signature.keyId()).equals(RemoteActor.domainOf(actorId))) {
      throw Refused.unsigned("the key is from another server than the actor");
    }
    RemoteActor kept = keys.find(signature.keyId(), now);
    if (kept != null && kept.id().equals(actorId)) {
      try {
        signature.verify().accept(publicKey(kept));
        return new Verified(kept, activity);
      } catch (Refused e) {
        keys.forget(signature.keyId()); // perhaps a new key: fetched again below
      }
    }
    RemoteActor signer = actors.byKeyId(signature.keyId());
    if (!signer.id().equals(actorId)) {
      throw Refused.unsigned("the key's owner " + signer.id() + " is not the actor " + actorId);
    }
    signature.verify().accept(publicKey(signer));
    keys.keep(signature.keyId(), signer, now);
    return new Verified(signer, activity);
  }

  /**
   * A request's signature of either kind: the key it names, the cheap checks made before any fetch
   * (its time window and the body's digest), and the check with the signer's key.
   */
  private record Signed(
      String keyId, Consumer<Instant> checkTimeAndBody, Consumer<PublicKey> verify) {}

  /**
   * RFC 9421 when the request has a {@code Signature-Input} header (its {@code Signature} header is
   * then a Dictionary), else draft-cavage.
   */
  private Signed signed(InboxRequest request) {
    Function<String, String> header = request.header();
    byte[] body = request.body();
    if (MessageSignatures.isUsedBy(header)) {
      MessageSignatures.Parsed parsed =
          MessageSignatures.parse(header.apply("signature-input"), header.apply("signature"));
      URI target = URI.create(site.baseUrl()).resolve(request.pathAndQuery());
      return new Signed(
          parsed.keyId(),
          now -> {
            MessageSignatures.checkTime(parsed, now);
            MessageSignatures.checkContentDigest(header.apply("content-digest"), body);
          },
          key -> MessageSignatures.verify(parsed, "POST", target, header, true, key));
    }
    HttpSignatures.Parsed parsed = HttpSignatures.parse(header.apply("signature"));
    return new Signed(
        parsed.keyId(),
        now -> {
          HttpSignatures.checkDate(header.apply("date"), now);
          HttpSignatures.checkDigest(header.apply("digest"), body);
        },
        key ->
            HttpSignatures.verify(
                parsed, "post", request.pathAndQuery(), header, key, HttpSignatures.SIGNED_POST));
  }

  private static PublicKey publicKey(RemoteActor signer) {
    try {
      return Pem.readPublic(signer.publicKeyPem());
    } catch (GeneralSecurityException e) {
      throw Refused.unsigned("the actor's public key cannot be read");
    }
  }
}
