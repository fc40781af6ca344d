package blog.core.login;

import static blog.core.login.LoginSettings.CLIENT_ID;
import static blog.core.login.LoginSettings.CLIENT_SECRET;
import static blog.core.login.LoginSettings.ENDPOINTS;
import static blog.core.login.LoginSettings.OIDC_CLIENT_ID;
import static blog.core.login.LoginSettings.OIDC_CLIENT_SECRET;
import static blog.core.login.LoginSettings.OIDC_ENDPOINTS;
import static blog.core.login.LoginSettings.OIDC_ISSUER;
import static blog.core.login.LoginSettings.OIDC_LABEL;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import blog.core.config.Setting;
import blog.core.config.SettingPattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads login providers from configuration, through the keys declared in {@link LoginSettings}.
 *
 * <ul>
 *   <li>Built-ins ({@code wordpress}, {@code google}, {@code x}, {@code facebook}, {@code github}):
 *       {@code auth.<id>.client-id} switches one on; {@code auth.<id>.client-secret} is required
 *       except for {@code x}, which may be a public client.
 *   <li>Generic OpenID Connect providers: {@code auth.oidc.<id>.issuer}, {@code
 *       auth.oidc.<id>.client-id}, optional {@code auth.oidc.<id>.client-secret} and {@code
 *       auth.oidc.<id>.label} (default: the issuer's host).
 *   <li>Either kind: {@code .authorization-endpoint}, {@code .token-endpoint} and {@code
 *       .userinfo-endpoint} replace the default or discovered endpoint, for self-hosted variants
 *       (GitHub Enterprise) and tests.
 * </ul>
 *
 * URLs must be https, or http to this machine.
 */
final class LoginProviderConfig {
  private final Config config;
  private final ProviderHttp http;

  LoginProviderConfig(Config config, ProviderHttp http) {
    this.config = config;
    this.http = http;
  }

  static boolean isUsableIssuer(URI issuer) {
    return ProviderUris.acceptable(issuer) && issuer.getRawQuery() == null;
  }

  LoginProviders read() {
    rejectUnknownProviders();
    Map<String, LoginProvider> builtIns = new LinkedHashMap<>();
    for (String id : BuiltInProviders.IDS) {
      builtIn(id).ifPresent(provider -> builtIns.put(id, provider));
    }
    SortedMap<String, LoginProvider> generic = new TreeMap<>();
    for (Map.Entry<String, String> found : genericIds().entrySet()) {
      generic.put(found.getKey(), generic(found.getKey(), found.getValue()));
    }
    return new LoginProviders(builtIns, generic, http);
  }

  private Optional<LoginProvider> builtIn(String id) {
    Setting<String> clientIdKey = CLIENT_ID.of(id);
    Optional<String> clientId = clientIdKey.find(config);
    if (clientId.isEmpty()) {
      for (Setting<String> other : otherKeys(id)) {
        if (other.find(config).isPresent()) {
          throw clientIdKey.problem("is required when " + other.key() + " is set");
        }
      }
      return Optional.empty();
    }
    Setting<String> secretKey = CLIENT_SECRET.of(id);
    String secret = secretKey.find(config).orElse(null);
    Endpoints overrides = endpoints(ENDPOINTS, id);
    Optional<OAuth2Definition> oauth2 = BuiltInProviders.oauth2(id);
    if (secret == null && oauth2.map(OAuth2Definition::secretRequired).orElse(true)) {
      throw secretKey.problem("is required when " + clientIdKey.key() + " is set");
    }
    ClientCredentials client = new ClientCredentials(clientId.get().strip(), secret);
    if (oauth2.isPresent()) {
      return Optional.of(new OAuth2LoginProvider(oauth2.get(), overrides, client, http));
    }
    return Optional.of(
        new OidcLoginProvider(
            id,
            BuiltInProviders.GOOGLE_LABEL,
            BuiltInProviders.GOOGLE_ISSUER,
            client,
            overrides,
            http));
  }

  private static List<Setting<String>> otherKeys(String id) {
    return List.of(
        CLIENT_SECRET.of(id),
        ENDPOINTS.get(0).of(id),
        ENDPOINTS.get(1).of(id),
        ENDPOINTS.get(2).of(id));
  }

  /** Catches {@code auth.gitlab.client-id}, which would otherwise be silently ignored. */
  private void rejectUnknownProviders() {
    for (SettingPattern pattern : List.of(CLIENT_ID, CLIENT_SECRET)) {
      for (String id : pattern.namesIn(config)) {
        // The environment spells auth.oidc.corp as OIDC_CORP, which comes back as oidc-corp.
        if (!BuiltInProviders.isBuiltIn(id) && !id.startsWith("oidc.") && !id.startsWith("oidc-")) {
          throw pattern
              .of(id)
              .problem(
                  "there is no built-in login provider '"
                      + id
                      + "' (there are "
                      + String.join(", ", BuiltInProviders.IDS)
                      + "); configure an OpenID Connect provider with "
                      + OIDC_ISSUER.of(id).key());
        }
      }
    }
  }

  /** Each generic id mentioned by any key, with the first such key for error messages. */
  private SortedMap<String, String> genericIds() {
    SortedMap<String, String> ids = new TreeMap<>();
    for (SettingPattern pattern : LoginSettings.OIDC_KEYS) {
      for (String id : pattern.namesIn(config)) {
        ids.putIfAbsent(id, pattern.of(id).key());
      }
    }
    return ids;
  }

  private LoginProvider generic(String id, String foundKey) {
    if (!LoginProviders.GENERIC_ID.matcher(id).matches()) {
      throw new ConfigException(
          foundKey,
          "provider id '" + id + "' must be 1 to 40 lower-case letters, digits or hyphens");
    }
    if (BuiltInProviders.isBuiltIn(id)) {
      throw new ConfigException(
          foundKey,
          "'" + id + "' is a built-in provider; configure it with " + CLIENT_ID.of(id).key());
    }
    if (id.equals(EmailSignIn.PROVIDER)) {
      // Its addresses (/auth/email/...) and its identities belong to "Log in with email".
      throw new ConfigException(
          foundKey,
          "'" + id + "' is taken by the blog's own \"Log in with email\"; choose another id");
    }
    Setting<String> issuerKey = OIDC_ISSUER.of(id);
    URI issuer =
        issuerKey
            .find(config)
            .map(value -> uri(issuerKey.key(), value))
            .orElseThrow(() -> issuerKey.problem("is required when " + foundKey + " is set"));
    if (issuer.getRawQuery() != null) {
      throw issuerKey.problem("must not have a query: " + issuer);
    }
    Setting<String> clientIdKey = OIDC_CLIENT_ID.of(id);
    String clientId =
        clientIdKey
            .find(config)
            .orElseThrow(
                () -> clientIdKey.problem("is required when " + issuerKey.key() + " is set"));
    String label = OIDC_LABEL.of(id).find(config).map(String::strip).orElse(issuer.getHost());
    return new OidcLoginProvider(
        id,
        label,
        issuer,
        new ClientCredentials(
            clientId.strip(), OIDC_CLIENT_SECRET.of(id).find(config).orElse(null)),
        endpoints(OIDC_ENDPOINTS, id),
        http);
  }

  /** The endpoint overrides of provider {@code id}; absent ones are null. */
  private Endpoints endpoints(List<SettingPattern> patterns, String id) {
    URI[] uris = new URI[patterns.size()];
    for (int i = 0; i < uris.length; i++) {
      Setting<String> endpointKey = patterns.get(i).of(id);
      uris[i] = endpointKey.find(config).map(value -> uri(endpointKey.key(), value)).orElse(null);
    }
    return new Endpoints(uris[0], uris[1], uris[2]);
  }

  private static URI uri(String key, String value) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new ConfigException(key, "is not a URL: " + e.getMessage());
    }
    if (!ProviderUris.acceptable(uri)) {
      throw new ConfigException(
          key, "must be an https URL (or http to this machine) without fragment but was " + value);
    }
    return uri;
  }
}
