package blog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.db.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @Test
  void environmentNamesFollowTheKey() {
    assertEquals("BLOG_DB_URL", Config.envName("db.url"));
    assertEquals("BLOG_AUTH_GITHUB_CLIENT_ID", Config.envName("auth.github.client-id"));
  }

  @Test
  void environmentOverridesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("blog.properties");
    Files.writeString(file, "port=8080\nbase-url=http://file.example\n");
    Config config = new Config(Config.load(file), Map.of("BLOG_PORT", "9090"));
    assertEquals(9090, Setting.wholeNumber("port", 7070, "port").read(config));
    assertEquals("http://file.example", Setting.text("base-url", "x", "address").read(config));
    assertEquals("fallback", Setting.text("absent", "fallback", "nothing").read(config));
  }

  @Test
  void namesBetweenAPrefixAndASuffixComeFromFileAndEnvironment() {
    Config config =
        new Config(
            Map.of(
                "auth.oidc.corp.issuer", "https://login.corp.example",
                "auth.oidc.blank.issuer", " ",
                "auth.oidc.corp.label", "Corp",
                "auth.oidc..issuer", "https://nameless.example"),
            Map.of(
                "BLOG_AUTH_OIDC_MY_IDP_ISSUER", "https://idp.example",
                "BLOG_AUTH_OIDC_OTHER_CLIENT_ID", "abc",
                "BLOG_DB_URL", "jdbc:h2:mem:x"));
    assertEquals(
        new TreeSet<>(Set.of("corp", "my-idp")), config.namesBetween("auth.oidc.", ".issuer"));
    assertEquals(Set.of("other"), config.namesBetween("auth.oidc.", ".client-id"));
    assertEquals(Set.of(), config.namesBetween("mail.", ".issuer"));
  }

  @Test
  void badNumbersNameTheKey() {
    Config config = Config.of(Map.of("port", "seventy"));
    Setting<Integer> port = Setting.wholeNumber("port", 1, "port");
    ConfigException e = assertThrows(ConfigException.class, () -> port.read(config));
    assertTrue(e.getMessage().contains("BLOG_PORT"), e.getMessage());
  }

  @Test
  void embeddedH2IsTheDefaultAndPostgresIsAUrlAway() {
    DatabaseSettings h2 = DatabaseSettings.from(Config.of(Map.of()));
    assertTrue(h2.url().startsWith("jdbc:h2:file:./data/"));
    DatabaseSettings pg =
        DatabaseSettings.from(Config.of(Map.of("db.url", "jdbc:postgresql://db/blog")));
    assertTrue(pg.isPostgres());
  }
}
