package blog.core.webmention;

import blog.core.config.Config;
import blog.core.config.Declaration;
import blog.core.config.Setting;
import blog.core.federation.FederationSettings;
import java.util.List;

/**
 * Whether the blog takes and sends Webmentions, and, for tests only, whether sites on loopback may
 * be fetched (the fediverse's setting {@code federation.allow-loopback}, one switch for both).
 */
public record WebmentionSettings(boolean enabled, boolean allowLoopback) {
  public static final Setting<Boolean> ENABLED =
      Setting.trueOrFalse(
          "webmention.enabled",
          false,
          "take Webmentions from other sites (as comments, likes and reposts) and send them to the"
              + " pages posts link to");

  public static final List<Declaration> DECLARED = List.of(ENABLED);

  public static WebmentionSettings from(Config config) {
    return new WebmentionSettings(
        ENABLED.read(config), FederationSettings.ALLOW_LOOPBACK.read(config));
  }
}
