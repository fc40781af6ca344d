package blog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCatalogTest {
  private static final Setting<Integer> PORT = Setting.wholeNumber("port", 7070, "HTTP port");
  private static final Setting<String> DB_URL = Setting.text("db.url", "jdbc:h2:mem:x", "JDBC URL");
  private static final SettingPattern CLIENT_ID =
      new SettingPattern("auth.<p>.client-id", "empty", "client id");
  private static final SettingPattern OIDC_ISSUER =
      new SettingPattern("auth.oidc.<id>.issuer", "empty", "issuer");
  private static final EnvironmentVariable LOG_ACCESS =
      new EnvironmentVariable("BLOG_LOG_ACCESS", "INFO", "access log level");
  private static final SettingsCatalog CATALOG =
      SettingsCatalog.of(
          List.of("BLOG_TEST_"),
          List.of(Config.FILE, PORT, DB_URL),
          List.of(CLIENT_ID, OIDC_ISSUER, LOG_ACCESS));

  @Test
  void knownNamesOfEveryKindRaiseNoWarning() {
    Config config =
        new Config(
            Map.of("port", "8080", "auth.github.client-id", "a", "auth.oidc.corp.issuer", "b"),
            Map.of(
                "BLOG_PORT", "9090",
                "BLOG_CONFIG", "/etc/blog.properties",
                "BLOG_LOG_ACCESS", "OFF",
                "BLOG_AUTH_OIDC_MY_IDP_ISSUER", "https://idp.example",
                "BLOG_AUTH_X_CLIENT_ID", "c",
                "BLOG_TEST_STRICT_TEMPLATES", "true",
                "BLOG_TEST_PG_URL", "jdbc:postgresql://db/test",
                "PATH", "/usr/bin",
                "HOME", "/root"));
    assertEquals(List.of(), CATALOG.warningsFor(config));
  }

  @Test
  void aMisspeltVariableNamesTheNearestKnownOne() {
    Config config = new Config(Map.of(), Map.of("BLOG_PROT", "8080"));
    assertEquals(
        List.of("Unknown setting BLOG_PROT; did you mean BLOG_PORT (port)?"),
        CATALOG.warningsFor(config));
  }

  @Test
  void aMisspeltFileKeyNamesTheNearestKnownOne() {
    Config config = Config.of(Map.of("db.ulr", "jdbc:h2:mem:y"));
    assertEquals(
        List.of("Unknown setting db.ulr; did you mean db.url (BLOG_DB_URL)?"),
        CATALOG.warningsFor(config));
  }

  @Test
  void aMisspeltPatternKeyKeepsTheOperatorsOwnName() {
    Config config =
        new Config(
            Map.of("auth.github.client-di", "a"),
            Map.of("BLOG_AUTH_OIDC_CORP_ISUSER", "https://login.corp.example"));
    assertEquals(
        List.of(
            "Unknown setting BLOG_AUTH_OIDC_CORP_ISUSER; did you mean BLOG_AUTH_OIDC_CORP_ISSUER"
                + " (auth.oidc.corp.issuer)?",
            "Unknown setting auth.github.client-di; did you mean auth.github.client-id"
                + " (BLOG_AUTH_GITHUB_CLIENT_ID)?"),
        CATALOG.warningsFor(config));
  }

  @Test
  void aNameFarFromEveryKnownOneIsReportedWithoutAGuess() {
    Config config = new Config(Map.of("colour", "blue"), Map.of("BLOG_XYZ", "1"));
    assertEquals(
        List.of(
            "Unknown setting BLOG_XYZ; no known setting is close (--help lists them)",
            "Unknown setting colour; no known setting is close (--help lists them)"),
        CATALOG.warningsFor(config));
  }

  @Test
  void editDistanceCountsASwapOfNeighboursAsOneEdit() {
    assertEquals(1, NearestName.distance("PROT", "PORT"));
    assertEquals(1, NearestName.distance("PORT", "PORTS"));
    assertEquals(3, NearestName.distance("kitten", "sitting"));
    assertEquals(0, NearestName.distance("host", "host"));
  }

  @Test
  void aNameIsDeclaredOnlyOnce() {
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> SettingsCatalog.of(List.of(), List.of(PORT, Setting.text("port", "1", "again"))));
    assertTrue(twice.getMessage().contains("BLOG_PORT"), twice.getMessage());
  }

  @Test
  void aSettingReadsItsDefaultAndNamesItselfInProblems() {
    assertEquals(7070, PORT.read(Config.of(Map.of())));
    assertEquals(8080, PORT.read(new Config(Map.of(), Map.of("BLOG_PORT", "8080"))));
    ConfigException wrong =
        assertThrows(ConfigException.class, () -> PORT.read(Config.of(Map.of("port", "abc"))));
    assertEquals(
        "Configuration key port (BLOG_PORT): expected a whole number but was 'abc'",
        wrong.getMessage());
    assertEquals("BLOG_AUTH_<P>_CLIENT_ID", CLIENT_ID.envName());
    assertEquals("auth.gitlab.client-id", CLIENT_ID.of("gitlab").key());
    assertFalse(CATALOG.knowsKey("auth.demo.enabled"));
  }
}
