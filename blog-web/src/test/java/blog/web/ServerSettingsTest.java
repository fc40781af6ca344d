package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
  @Test
  void defaultsServeLocalhost7070() {
    ServerSettings settings = ServerSettings.from(Config.of(Map.of()));
    assertEquals(7070, settings.port());
    assertEquals("http://localhost:7070", settings.baseUrl());
  }

  @Test
  void environmentVariablesWinOverTheFile() {
    Config config =
        new Config(
            Map.of("port", "8080", "base-url", "https://file.example/"),
            Map.of("BLOG_PORT", "9090"));
    ServerSettings settings = ServerSettings.from(config);
    assertEquals(9090, settings.port());
    assertEquals("https://file.example", settings.baseUrl(), "trailing slash dropped");
  }

  @Test
  void wrongValuesNameTheKeyAndItsVariable() {
    ConfigException port =
        assertThrows(
            ConfigException.class, () -> ServerSettings.from(Config.of(Map.of("port", "70000"))));
    assertTrue(port.getMessage().contains("BLOG_PORT"), port.getMessage());
    ConfigException url =
        assertThrows(
            ConfigException.class,
            () -> ServerSettings.from(Config.of(Map.of("base-url", "javascript:alert(1)"))));
    assertTrue(url.getMessage().contains("BLOG_BASE_URL"), url.getMessage());
  }

  @Test
  void javalinsPoolUnlessAFixedNumberOfThreadsIsConfigured() {
    assertEquals(0, ServerSettings.from(Config.of(Map.of())).threads());
    assertEquals(12, ServerSettings.from(Config.of(Map.of("threads", "12"))).threads());
    ConfigException few =
        assertThrows(
            ConfigException.class, () -> ServerSettings.from(Config.of(Map.of("threads", "3"))));
    assertTrue(few.getMessage().contains("BLOG_THREADS"), few.getMessage());
  }
}
