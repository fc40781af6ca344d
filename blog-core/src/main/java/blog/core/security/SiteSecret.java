package blog.core.security;

import blog.core.site.SettingsRepository;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The site's signing secret: made once, at random, on first start and kept in the settings table,
 * so every instance sharing the database signs and verifies alike and restarts invalidate nothing.
 */
public final class SiteSecret {
  static final String KEY = "security.signing-secret";

  private SiteSecret() {}

  public static Signer signer(SettingsRepository settings, SecureRandom random) {
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    String stored = settings.putIfAbsent(KEY, HexFormat.of().formatHex(fresh));
    return new Signer(HexFormat.of().parseHex(stored));
  }
}
