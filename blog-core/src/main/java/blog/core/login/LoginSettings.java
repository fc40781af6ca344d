package blog.core.login;

import blog.core.config.Declaration;
import blog.core.config.SettingPattern;
import java.util.List;

/**
 * The keys of the log-in providers: {@code auth.<p>.*} for a built-in provider {@code <p>}, {@code
 * auth.oidc.<id>.*} for an OpenID Connect provider named by the operator.
 */
public final class LoginSettings {
  private LoginSettings() {}

  public static final SettingPattern CLIENT_ID =
      new SettingPattern(
          "auth.<p>.client-id",
          "empty",
          "switches on built-in provider <p>: wordpress, google, x, facebook or github");
  public static final SettingPattern CLIENT_SECRET =
      new SettingPattern(
          "auth.<p>.client-secret", "empty", "its secret; required except for x (PKCE alone)");
  public static final List<SettingPattern> ENDPOINTS =
      List.of(
          endpoint("auth.<p>.authorization-endpoint", "authorization", "built in or discovered"),
          endpoint("auth.<p>.token-endpoint", "token", "built in or discovered"),
          endpoint("auth.<p>.userinfo-endpoint", "user info", "built in or discovered"));

  public static final SettingPattern OIDC_ISSUER =
      new SettingPattern(
          "auth.oidc.<id>.issuer",
          "empty",
          "switches on an OpenID Connect provider; endpoints discovered from the issuer");
  public static final SettingPattern OIDC_CLIENT_ID =
      new SettingPattern("auth.oidc.<id>.client-id", "empty", "its client id, required");
  public static final SettingPattern OIDC_CLIENT_SECRET =
      new SettingPattern(
          "auth.oidc.<id>.client-secret", "empty", "its secret; unset: a public client");
  public static final SettingPattern OIDC_LABEL =
      new SettingPattern(
          "auth.oidc.<id>.label", "the issuer's host name", "the log-in button's text");
  public static final List<SettingPattern> OIDC_ENDPOINTS =
      List.of(
          endpoint("auth.oidc.<id>.authorization-endpoint", "authorization", "discovered"),
          endpoint("auth.oidc.<id>.token-endpoint", "token", "discovered"),
          endpoint("auth.oidc.<id>.userinfo-endpoint", "user info", "discovered"));

  /** Every key an OpenID Connect provider may have; any of them names the provider. */
  static final List<SettingPattern> OIDC_KEYS =
      List.of(
          OIDC_ISSUER,
          OIDC_CLIENT_ID,
          OIDC_CLIENT_SECRET,
          OIDC_LABEL,
          OIDC_ENDPOINTS.get(0),
          OIDC_ENDPOINTS.get(1),
          OIDC_ENDPOINTS.get(2));

  /** The log-in keys, for the catalog of every setting. */
  public static final List<Declaration> DECLARED =
      List.of(
          CLIENT_ID,
          CLIENT_SECRET,
          ENDPOINTS.get(0),
          ENDPOINTS.get(1),
          ENDPOINTS.get(2),
          OIDC_ISSUER,
          OIDC_CLIENT_ID,
          OIDC_CLIENT_SECRET,
          OIDC_LABEL,
          OIDC_ENDPOINTS.get(0),
          OIDC_ENDPOINTS.get(1),
          OIDC_ENDPOINTS.get(2));

  private static SettingPattern endpoint(String key, String what, String defaultText) {
    return new SettingPattern(key, defaultText, "replaces the provider's " + what + " endpoint");
  }
}
