package blog.core.login;

import blog.core.config.Config;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The login providers this blog offers: the built-ins whose {@code auth.<id>.client-id} is set, in
 * the order wordpress, google, x, facebook, github, then generic OpenID Connect providers by id.
 * Immutable; {@link #withOidc} returns a copy with one more provider.
 */
public final class LoginProviders {
  /** Ids of generic providers: lower-case letters, digits and hyphens. */
  static final Pattern GENERIC_ID = Pattern.compile("[a-z0-9-]{1,40}");

  private final Map<String, LoginProvider> builtIns;
  private final SortedMap<String, LoginProvider> generic;
  private final ProviderHttp http;

  LoginProviders(
      Map<String, LoginProvider> builtIns,
      SortedMap<String, LoginProvider> generic,
      ProviderHttp http) {
    Map<String, LoginProvider> ordered = new LinkedHashMap<>();
    for (String id : BuiltInProviders.IDS) {
      if (builtIns.containsKey(id)) {
        ordered.put(id, builtIns.get(id));
      }
    }
    this.builtIns = ordered;
    this.generic = new TreeMap<>(generic);
    this.http = http;
  }

  /**
   * Reads the {@code auth.*} keys; see {@link LoginProviderConfig} for the keys.
   *
   * @throws blog.core.config.ConfigException naming the key that is missing or unusable
   */
  public static LoginProviders from(Config config) {
    return from(config, ProviderHttp.withDefaultTimeouts());
  }

  static LoginProviders from(Config config, ProviderHttp http) {
    return new LoginProviderConfig(config, http).read();
  }

  /** No provider at all. */
  public static LoginProviders none() {
    return new LoginProviders(Map.of(), new TreeMap<>(), ProviderHttp.withDefaultTimeouts());
  }

  /** The configured providers in display order. */
  public List<LoginProvider> configured() {
    List<LoginProvider> all = new ArrayList<>(builtIns.values());
    all.addAll(generic.values());
    return List.copyOf(all);
  }

  public Optional<LoginProvider> find(String id) {
    LoginProvider provider = builtIns.get(id);
    return Optional.ofNullable(provider != null ? provider : generic.get(id));
  }

  public boolean any() {
    return !builtIns.isEmpty() || !generic.isEmpty();
  }

  /**
   * A copy with one more generic OpenID Connect provider, e.g. a local demo provider.
   *
   * @param clientSecret null for a public client
   * @throws IllegalArgumentException if the id is malformed or taken, the issuer is not https (or
   *     http on this machine), or the client id is blank
   */
  public LoginProviders withOidc(
      String id, String label, URI issuer, String clientId, String clientSecret) {
    if (id == null || !GENERIC_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("provider id must match " + GENERIC_ID + ": " + id);
    }
    if (BuiltInProviders.isBuiltIn(id)
        || generic.containsKey(id)
        || id.equals(EmailSignIn.PROVIDER)) {
      throw new IllegalArgumentException("provider id " + id + " is already taken");
    }
    if (!LoginProviderConfig.isUsableIssuer(issuer)) {
      throw new IllegalArgumentException(
          "issuer must be an https URL (or http on this machine) without query: " + issuer);
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label is required");
    }
    SortedMap<String, LoginProvider> more = new TreeMap<>(generic);
    more.put(
        id,
        new OidcLoginProvider(
            id,
            label.strip(),
            issuer,
            new ClientCredentials(clientId, clientSecret),
            Endpoints.NONE,
            http));
    return new LoginProviders(builtIns, more, http);
  }

  @Override
  public String toString() {
    return "LoginProviders" + configured().stream().map(LoginProvider::id).toList();
  }
}
