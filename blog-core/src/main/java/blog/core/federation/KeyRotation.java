package blog.core.federation;

import blog.core.db.Transactions;
import blog.core.site.SettingsRepository;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces the blog's own key pair: a new RSA pair takes the stored one's place (under the same key
 * id), and an {@code Update} of the account, carrying the new public key, is queued for every
 * follower's server in the same transaction, so they learn it before or as the first request signed
 * with it arrives (servers also fetch the account again when a known key stops verifying). The old
 * private key is overwritten; nothing signed with it is accepted by servers that took the update.
 */
public final class KeyRotation {
  private final Transactions transactions;
  private final KeyRepository keys;
  private final SiteKeys siteKeys;
  private final SettingsRepository settings;
  private final SiteActor site;
  private final Outbox outbox;
  private final SecureRandom random;
  private final Clock clock;
  private final Runnable wakeWorker;

  public KeyRotation(
      Transactions transactions,
      KeyRepository keys,
      SiteKeys siteKeys,
      SettingsRepository settings,
      SiteActor site,
      Outbox outbox,
      SecureRandom random,
      Clock clock,
      Runnable wakeWorker) {
    this.transactions = transactions;
    this.keys = keys;
    this.siteKeys = siteKeys;
    this.settings = settings;
    this.site = site;
    this.outbox = outbox;
    this.random = random;
    this.clock = clock;
    this.wakeWorker = wakeWorker;
  }

  /** Rotates the key; returns how many deliveries of the account's {@code Update} were queued. */
  public int rotate() {
    KeyPair pair = KeyRepository.generate(random);
    Instant now = clock.instant();
    int queued =
        transactions.inTransaction(
            () -> {
              keys.replace(pair, now);
              ObjectNode actor =
                  site.document(settings.site(), Pem.publicKey(pair.getPublic()), site.icon());
              return outbox.toFollowers(Activities.updateActor(site, actor, now), now);
            });
    siteKeys.forget();
    wakeWorker.run();
    return queued;
  }

  /** When the current key was made or last rotated. */
  public java.util.Optional<Instant> keyMadeAt() {
    return keys.createdAt();
  }
}
