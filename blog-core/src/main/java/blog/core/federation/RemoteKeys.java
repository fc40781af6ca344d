package blog.core.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accounts whose keys signed activities lately, kept in memory by key id, so an activity from a
 * known account fetches nothing. A kept key that does not verify a signature is fetched again
 * before the activity is refused: that is how a server's key rotation is noticed. Kept for {@link
 * #TTL} at most (a profile's name and avatar follow within that time), {@link #MAX} keys, the least
 * recently used going first.
 */
final class RemoteKeys {
  static final Duration TTL = Duration.ofHours(1);
  static final int MAX = 10_000;

  private record Kept(RemoteActor actor, Instant until) {}

  private final Map<String, Kept> kept =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
          return size() > MAX;
        }
      };

  /** The account kept for {@code keyId}, or null when none is kept or it is too old. */
  synchronized RemoteActor find(String keyId, Instant now) {
    Kept k = kept.get(keyId);
    if (k == null) {
      return null;
    }
    if (!now.isBefore(k.until())) {
      kept.remove(keyId);
      return null;
    }
    return k.actor();
  }

  synchronized void keep(String keyId, RemoteActor actor, Instant now) {
    kept.put(keyId, new Kept(actor, now.plus(TTL)));
  }

  synchronized void forget(String keyId) {
    kept.remove(keyId);
  }
}
