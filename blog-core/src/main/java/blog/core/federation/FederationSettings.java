package blog.core.federation;

import blog.core.config.Config;
import blog.core.config.Declaration;
import blog.core.config.Setting;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the blog takes part in the fediverse, the name of its account ({@code @name@host}, the
 * host being the base URL's), whether comments written on the blog are sent as replies unless the
 * owner says otherwise on the admin's Fediverse screen, and, for tests only, whether remote servers
 * on loopback may be fetched.
 */
public record FederationSettings(
    boolean enabled, String name, boolean allowLoopback, boolean shareComments) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,62}");

  public static final Setting<Boolean> ENABLED =
      Setting.trueOrFalse(
          "federation.enabled",
          false,
          "take part in the fediverse (ActivityPub): be followable, send posts, take replies");
  public static final Setting<String> NAME_SETTING =
      Setting.text(
              "federation.name",
              null,
              "the blog's account name, as in @name@host (letters, digits, _ . -)")
          .defaultShownAs("the first part of the base URL's host name");
  public static final Setting<Boolean> ALLOW_LOOPBACK =
      Setting.trueOrFalse(
          "federation.allow-loopback",
          false,
          "for tests only: allow fetching from and delivering to servers on 127.0.0.1");

  public static final Setting<Boolean> SHARE_COMMENTS =
      Setting.trueOrFalse(
          "federation.share-comments",
          true,
          "send comments written on the blog to the followers as replies to the post (the owner"
              + " can change it on the admin's Fediverse screen, which then wins)");

  /**
   * How long finished work stays in the delivery queues: the fediverse's deliveries and
   * Webmention's checks and sends (one setting for both features, as {@link #ALLOW_LOOPBACK} is).
   */
  public static final Setting<Integer> DELIVERED_DAYS =
      Setting.wholeNumber(
          "federation.delivered-days",
          7,
          "days a delivered activity, verified Webmention or sent Webmention stays in its queue;"
              + " 0 keeps them (given-up ones stay until the admin dismisses them)");

  /**
   * The owner's choice from the admin's Fediverse screen, in the settings table ({@code true} or
   * {@code false}); while absent, {@link #SHARE_COMMENTS} decides.
   */
  public static final String SHARE_COMMENTS_STORED = SHARE_COMMENTS.key();

  public static final List<Declaration> DECLARED =
      List.of(ENABLED, NAME_SETTING, ALLOW_LOOPBACK, SHARE_COMMENTS, DELIVERED_DAYS);

  /** Convenience for tests: comments shared. */
  public FederationSettings(boolean enabled, String name, boolean allowLoopback) {
    this(enabled, name, allowLoopback, true);
  }

  public FederationSettings {
    if (!NAME.matcher(name).matches()) {
      throw NAME_SETTING.problem("expected letters, digits, _ . - but was '" + name + "'");
    }
  }

  public static FederationSettings from(Config config, String baseUrl) {
    String name =
        NAME_SETTING
            .find(config)
            .map(n -> n.strip().toLowerCase(Locale.ROOT))
            .orElseGet(() -> defaultName(baseUrl));
    return new FederationSettings(
        ENABLED.read(config), name, ALLOW_LOOPBACK.read(config), SHARE_COMMENTS.read(config));
  }

  /** Whether local comments go out now: the owner's stored choice, else this configuration's. */
  public boolean sharesComments(java.util.Map<String, String> stored) {
    String choice = stored.get(SHARE_COMMENTS_STORED);
    return choice == null ? shareComments : Boolean.parseBoolean(choice.strip());
  }

  /** {@code blog} for blog.example.org, {@code example} for example.org, else {@code blog}. */
  static String defaultName(String baseUrl) {
    String host = URI.create(baseUrl).getHost();
    if (host == null || host.isEmpty() || Character.isDigit(host.charAt(0)) || host.contains(":")) {
      return "blog";
    }
    String first = host.toLowerCase(Locale.ROOT).split("\\.")[0];
    return NAME.matcher(first).matches() ? first : "blog";
  }
}
