package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginProvidersTest {
  private static final URI CALLBACK = URI.create("https://blog.example/auth/callback");

  private static Config config(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Config.of(values);
  }

  private static void assertNamesKey(String key, Config config) {
    ConfigException e = assertThrows(ConfigException.class, () -> LoginProviders.from(config));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  private static List<String> ids(LoginProviders providers) {
    return providers.configured().stream().map(LoginProvider::id).toList();
  }

  @Test
  void nothingConfiguredMeansNoProviders() {
    LoginProviders providers = LoginProviders.from(config());
    assertFalse(providers.any());
    assertEquals(List.of(), providers.configured());
    assertTrue(providers.find("github").isEmpty());
    assertFalse(LoginProviders.none().any());
  }

  @Test
  void configuredProvidersComeInAFixedOrderThenGenericOnesById() {
    LoginProviders providers =
        LoginProviders.from(
            config(
                "auth.github.client-id",
                "gh",
                "auth.github.client-secret",
                "s",
                "auth.oidc.zeta.issuer",
                "https://zeta.example",
                "auth.oidc.zeta.client-id",
                "z",
                "auth.x.client-id",
                "x-public-client",
                "auth.google.client-id",
                "g",
                "auth.google.client-secret",
                "s",
                "auth.oidc.alpha.issuer",
                "https://alpha.example/realms/blog",
                "auth.oidc.alpha.client-id",
                "a",
                "auth.oidc.alpha.label",
                "Alpha SSO",
                "auth.facebook.client-id",
                "fb",
                "auth.facebook.client-secret",
                "s",
                "auth.wordpress.client-id",
                "wp",
                "auth.wordpress.client-secret",
                "s"));

    assertTrue(providers.any());
    assertEquals(
        List.of("wordpress", "google", "x", "facebook", "github", "alpha", "zeta"), ids(providers));
    assertEquals(
        List.of("WordPress.com", "Google", "X", "Facebook", "GitHub", "Alpha SSO", "zeta.example"),
        providers.configured().stream().map(LoginProvider::label).toList());
    assertEquals("github", providers.find("github").orElseThrow().id());
    assertEquals(
        URI.create("https://alpha.example/realms/blog"),
        ((OidcLoginProvider) providers.find("alpha").orElseThrow()).issuer());
    assertEquals(
        URI.create("https://accounts.google.com"),
        ((OidcLoginProvider) providers.find("google").orElseThrow()).issuer());
  }

  @Test
  void genericProvidersCanComeFromTheEnvironment() {
    Config config =
        new Config(
            Map.of(),
            Map.of(
                "BLOG_AUTH_OIDC_MY_IDP_ISSUER", "https://idp.example",
                "BLOG_AUTH_OIDC_MY_IDP_CLIENT_ID", "blog"));
    assertEquals(List.of("my-idp"), ids(LoginProviders.from(config)));
  }

  @Test
  void builtInsSendTheBrowserToTheirProviderWithTheirScope() throws LoginFailure {
    LoginProviders providers =
        LoginProviders.from(
            config(
                "auth.wordpress.client-id",
                "wp",
                "auth.wordpress.client-secret",
                "s",
                "auth.x.client-id",
                "xc",
                "auth.x.client-secret",
                "s",
                "auth.facebook.client-id",
                "fb",
                "auth.facebook.client-secret",
                "s",
                "auth.github.client-id",
                "gh",
                "auth.github.client-secret",
                "s"));
    Map<String, String> expected =
        Map.of(
            "wordpress", "https://public-api.wordpress.com/oauth2/authorize|auth",
            "x", "https://twitter.com/i/oauth2/authorize|users.read tweet.read",
            "facebook", "https://www.facebook.com/dialog/oauth|public_profile",
            "github", "https://github.com/login/oauth/authorize|null");
    for (LoginProvider provider : providers.configured()) {
      URI url = provider.start(CALLBACK).redirectTo();
      Map<String, List<String>> query = ProviderRedirect.query(url);
      String scope = query.containsKey("scope") ? query.get("scope").get(0) : "null";
      String endpoint = url.getScheme() + "://" + url.getHost() + url.getPath();
      assertEquals(expected.get(provider.id()), endpoint + "|" + scope, provider.id());
      assertEquals(List.of("S256"), query.get("code_challenge_method"), provider.id());
    }
  }

  @Test
  void endpointOverridesReplaceOnlyWhatTheyName() {
    LoginProviders providers =
        LoginProviders.from(
            config(
                "auth.github.client-id", "gh",
                "auth.github.client-secret", "s",
                "auth.github.authorization-endpoint",
                    "https://ghe.corp.example/login/oauth/authorize",
                "auth.github.token-endpoint", "https://ghe.corp.example/login/oauth/access_token",
                "auth.github.userinfo-endpoint", "https://ghe.corp.example/api/v3/user",
                "auth.facebook.client-id", "fb",
                "auth.facebook.client-secret", "s",
                "auth.facebook.userinfo-endpoint",
                    "https://graph.facebook.com/v23.0/me?fields=id,name"));
    Endpoints github = ((OAuth2LoginProvider) providers.find("github").orElseThrow()).endpoints();
    assertEquals(URI.create("https://ghe.corp.example/api/v3/user"), github.userInfo());
    assertEquals(URI.create("https://ghe.corp.example/login/oauth/access_token"), github.token());
    Endpoints facebook =
        ((OAuth2LoginProvider) providers.find("facebook").orElseThrow()).endpoints();
    assertEquals(URI.create("https://graph.facebook.com/oauth/access_token"), facebook.token());
    assertEquals(
        URI.create("https://graph.facebook.com/v23.0/me?fields=id,name"), facebook.userInfo());
  }

  @Test
  void aBuiltInNeedsItsClientIdAndSecretTogether() {
    assertNamesKey("auth.github.client-id", config("auth.github.client-secret", "s"));
    assertNamesKey(
        "auth.github.client-id", config("auth.github.token-endpoint", "https://ghe.example/token"));
    assertNamesKey("auth.github.client-secret", config("auth.github.client-id", "gh"));
    assertNamesKey("auth.google.client-secret", config("auth.google.client-id", "g"));
  }

  @Test
  void xMayBeAPublicClient() {
    assertEquals(List.of("x"), ids(LoginProviders.from(config("auth.x.client-id", "xc"))));
  }

  @Test
  void anUnknownBuiltInIsNotSilentlyIgnored() {
    assertNamesKey("auth.gitlab.client-id", config("auth.gitlab.client-id", "gl"));
    assertNamesKey("auth.gitlab.client-secret", config("auth.gitlab.client-secret", "s"));
  }

  @Test
  void genericProviderMistakesNameTheirKey() {
    assertNamesKey("auth.oidc.corp.issuer", config("auth.oidc.corp.client-id", "c"));
    assertNamesKey(
        "auth.oidc.corp.client-id", config("auth.oidc.corp.issuer", "https://corp.example"));
    assertNamesKey(
        "auth.oidc.Corp_1.issuer",
        config(
            "auth.oidc.Corp_1.issuer", "https://corp.example", "auth.oidc.Corp_1.client-id", "c"));
    assertNamesKey(
        "auth.oidc.email.issuer",
        config("auth.oidc.email.issuer", "https://corp.example", "auth.oidc.email.client-id", "c"));
    assertNamesKey(
        "auth.oidc.github.issuer",
        config(
            "auth.oidc.github.issuer", "https://corp.example", "auth.oidc.github.client-id", "c"));
    assertNamesKey(
        "auth.oidc.corp.issuer",
        config("auth.oidc.corp.issuer", "http://corp.example", "auth.oidc.corp.client-id", "c"));
    assertNamesKey(
        "auth.oidc.corp.issuer",
        config(
            "auth.oidc.corp.issuer", "https://corp.example?x=1", "auth.oidc.corp.client-id", "c"));
    assertNamesKey(
        "auth.oidc.corp.token-endpoint",
        config(
            "auth.oidc.corp.issuer", "https://corp.example",
            "auth.oidc.corp.client-id", "c",
            "auth.oidc.corp.token-endpoint", "ftp://corp.example/token"));
  }

  @Test
  void plainHttpIsAcceptedOnlyToThisMachine() {
    for (String issuer :
        List.of("http://127.0.0.1:8081/demo", "http://localhost:8081", "http://[::1]:8081")) {
      LoginProviders providers =
          LoginProviders.from(
              config("auth.oidc.dev.issuer", issuer, "auth.oidc.dev.client-id", "c"));
      assertEquals(List.of("dev"), ids(providers), issuer);
    }
    assertNamesKey(
        "auth.oidc.dev.issuer",
        config("auth.oidc.dev.issuer", "http://127.example.org", "auth.oidc.dev.client-id", "c"));
  }

  @Test
  void aProviderCanBeAddedAtRuntime() {
    LoginProviders configured =
        LoginProviders.from(
            config(
                "auth.github.client-id",
                "gh",
                "auth.github.client-secret",
                "s",
                "auth.oidc.zeta.issuer",
                "https://zeta.example",
                "auth.oidc.zeta.client-id",
                "z"));

    LoginProviders withDemo =
        configured.withOidc(
            "demo", "Demo log-in", URI.create("http://127.0.0.1:8090/demo"), "blog", "secret");

    assertEquals(List.of("github", "zeta"), ids(configured), "the original is unchanged");
    assertEquals(List.of("github", "demo", "zeta"), ids(withDemo));
    assertInstanceOf(OidcLoginProvider.class, withDemo.find("demo").orElseThrow());
    assertEquals("Demo log-in", withDemo.find("demo").orElseThrow().label());
  }

  @Test
  void aRuntimeProviderMayNotTakeAnIdOrUseAnInsecureIssuer() {
    LoginProviders providers =
        LoginProviders.from(
            config(
                "auth.oidc.zeta.issuer", "https://zeta.example", "auth.oidc.zeta.client-id", "z"));
    URI issuer = URI.create("https://idp.example");
    assertThrows(
        IllegalArgumentException.class, () -> providers.withOidc("github", "G", issuer, "c", null));
    assertThrows(
        IllegalArgumentException.class, () -> providers.withOidc("zeta", "Z", issuer, "c", null));
    assertThrows(
        IllegalArgumentException.class, () -> providers.withOidc("Bad Id", "B", issuer, "c", null));
    assertThrows(
        IllegalArgumentException.class,
        () -> providers.withOidc("ok", "OK", URI.create("http://idp.example"), "c", null));
    assertThrows(
        IllegalArgumentException.class, () -> providers.withOidc("ok", "OK", issuer, " ", null));
  }

  @Test
  void printedProvidersShowNoSecret() {
    LoginProviders providers =
        LoginProviders.from(
            config("auth.github.client-id", "gh", "auth.github.client-secret", "hunter2-secret"));
    assertFalse(providers.toString().contains("hunter2"));
    assertFalse(providers.find("github").orElseThrow().toString().contains("hunter2"));
  }
}
