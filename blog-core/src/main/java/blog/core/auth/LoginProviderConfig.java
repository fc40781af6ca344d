package blog.core.auth;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads login providers from configuration.
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
  static final String CLIENT_ID = "client-id";
  static final String CLIENT_SECRET = "client-secret";
  static final String ISSUER = "issuer";
  static final String LABEL = "label";
  static final List<String> ENDPOINTS =
      List.of("authorization-endpoint", "token-endpoint", "userinfo-endpoint");
  private static final List<String> GENERIC_KEYS =
      List.of(
          ISSUER,
          CLIENT_ID,
          CLIENT_SECRET,
          LABEL,
          ENDPOINTS.get(0),
          ENDPOINTS.get(1),
          ENDPOINTS.get(2));

  private final Config config;
  private final ProviderHttp http;

  LoginProviderConfig(Config config, ProviderHttp http) {
    this.config = config;
    this.http = http;
  }

  static String key(String id, String name) {
    return "auth." + id + "." + name;
  }

  static String oidcKey(String id, String name) {
    return "auth.oidc." + id + "." + name;
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
    String clientIdKey = key(id, CLIENT_ID);
    Optional<String> clientId = config.get(clientIdKey);
    if (clientId.isEmpty()) {
      for (String other : otherKeys(id)) {
        if (config.get(other).isPresent()) {
          throw new ConfigException(clientIdKey, "is required when " + other + " is set");
        }
      }
      return Optional.empty();
    }
    String secret = config.get(key(id, CLIENT_SECRET)).orElse(null);
    Endpoints overrides = endpoints(key(id, ""));
    Optional<OAuth2Definition> oauth2 = BuiltInProviders.oauth2(id);
    if (secret == null && oauth2.map(OAuth2Definition::secretRequired).orElse(true)) {
      throw new ConfigException(
          key(id, CLIENT_SECRET), "is required when " + clientIdKey + " is set");
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

  private List<String> otherKeys(String id) {
    return List.of(
        key(id, CLIENT_SECRET),
        key(id, ENDPOINTS.get(0)),
        key(id, ENDPOINTS.get(1)),
        key(id, ENDPOINTS.get(2)));
  }

  /** Catches {@code auth.gitlab.client-id}, which would otherwise be silently ignored. */
  private void rejectUnknownProviders() {
    for (String name : List.of(CLIENT_ID, CLIENT_SECRET)) {
      for (String id : config.namesBetween("auth.", "." + name)) {
        // The environment spells auth.oidc.corp as OIDC_CORP, which comes back as oidc-corp.
        if (!BuiltInProviders.isBuiltIn(id) && !id.startsWith("oidc.") && !id.startsWith("oidc-")) {
          throw new ConfigException(
              key(id, name),
              "there is no built-in login provider '"
                  + id
                  + "' (there are "
                  + String.join(", ", BuiltInProviders.IDS)
                  + "); configure an OpenID Connect provider with "
                  + oidcKey(id, ISSUER));
        }
      }
    }
  }

  /** Each generic id mentioned by any key, with the first such key for error messages. */
  private SortedMap<String, String> genericIds() {
    SortedMap<String, String> ids = new TreeMap<>();
    for (String name : GENERIC_KEYS) {
      for (String id : config.namesBetween("auth.oidc.", "." + name)) {
        ids.putIfAbsent(id, oidcKey(id, name));
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
          foundKey, "'" + id + "' is a built-in provider; configure it with " + key(id, CLIENT_ID));
    }
    String issuerKey = oidcKey(id, ISSUER);
    URI issuer =
        config
            .get(issuerKey)
            .map(value -> uri(issuerKey, value))
            .orElseThrow(
                () -> new ConfigException(issuerKey, "is required when " + foundKey + " is set"));
    if (issuer.getRawQuery() != null) {
      throw new ConfigException(issuerKey, "must not have a query: " + issuer);
    }
    String clientIdKey = oidcKey(id, CLIENT_ID);
    String clientId =
        config
            .get(clientIdKey)
            .orElseThrow(
                () ->
                    new ConfigException(clientIdKey, "is required when " + issuerKey + " is set"));
    String label = config.get(oidcKey(id, LABEL)).map(String::strip).orElse(issuer.getHost());
    return new OidcLoginProvider(
        id,
        label,
        issuer,
        new ClientCredentials(
            clientId.strip(), config.get(oidcKey(id, CLIENT_SECRET)).orElse(null)),
        endpoints(oidcKey(id, "")),
        http);
  }

  /** The endpoint overrides under {@code prefix} (which ends with a dot); absent ones are null. */
  private Endpoints endpoints(String prefix) {
    URI[] uris = new URI[ENDPOINTS.size()];
    for (int i = 0; i < uris.length; i++) {
      String endpointKey = prefix + ENDPOINTS.get(i);
      uris[i] = config.get(endpointKey).map(value -> uri(endpointKey, value)).orElse(null);
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
