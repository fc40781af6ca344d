package blog.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {
  private static final Map<String, String> MINIMAL =
      Map.of("mail.smtp.host", "smtp.example.org", "mail.from", "Blog <blog@example.org>");

  private static Config with(String... keysAndValues) {
    Map<String, String> values = new HashMap<>(MINIMAL);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Config.of(values);
  }

  private static void assertNamesKey(String key, Config config) {
    ConfigException e = assertThrows(ConfigException.class, () -> MailSettings.from(config));
    assertTrue(e.getMessage().contains(key), e.getMessage());
    assertTrue(e.getMessage().contains(Config.envName(key)), e.getMessage());
  }

  @Test
  void mailIsOffWithoutAHost() {
    MailSettings settings = MailSettings.from(Config.of(Map.of("mail.from", "blog@example.org")));
    assertFalse(settings.enabled());
    assertFalse(MailSettings.disabled().enabled());
  }

  @Test
  void defaultsAreStarttlsOnPort587WithoutLoginAndEightAttempts() {
    MailSettings settings = MailSettings.from(Config.of(MINIMAL));
    assertTrue(settings.enabled());
    assertEquals("smtp.example.org", settings.host());
    assertEquals(587, settings.port());
    assertEquals(SmtpSecurity.STARTTLS, settings.security());
    assertNull(settings.username());
    assertEquals(8, settings.maxAttempts());
    assertEquals("Blog <blog@example.org>", settings.from());
  }

  @Test
  void everyKeyIsRead() {
    MailSettings settings =
        MailSettings.from(
            with(
                "mail.smtp.port", "2525",
                "mail.smtp.username", "blog",
                "mail.smtp.password", "s3cret",
                "mail.smtp.security", "NONE",
                "mail.max-attempts", "3"));
    assertEquals(
        new MailSettings(
            "smtp.example.org",
            2525,
            "blog",
            "s3cret",
            SmtpSecurity.NONE,
            "Blog <blog@example.org>",
            3),
        settings);
  }

  @Test
  void implicitTlsDefaultsToPort465() {
    assertEquals(465, MailSettings.from(with("mail.smtp.security", "tls")).port());
    assertEquals(
        2465,
        MailSettings.from(with("mail.smtp.security", "tls", "mail.smtp.port", "2465")).port());
  }

  @Test
  void aHostWithoutSenderNamesMailFrom() {
    assertNamesKey("mail.from", Config.of(Map.of("mail.smtp.host", "smtp.example.org")));
  }

  @Test
  void unusableValuesNameTheirKey() {
    assertNamesKey("mail.from", with("mail.from", "not an address"));
    assertNamesKey("mail.smtp.security", with("mail.smtp.security", "ssl"));
    assertNamesKey("mail.smtp.port", with("mail.smtp.port", "smtp"));
    assertNamesKey("mail.smtp.port", with("mail.smtp.port", "0"));
    assertNamesKey("mail.smtp.port", with("mail.smtp.port", "70000"));
    assertNamesKey("mail.max-attempts", with("mail.max-attempts", "0"));
    assertNamesKey("mail.smtp.password", with("mail.smtp.username", "blog"));
    assertNamesKey("mail.smtp.username", with("mail.smtp.password", "s3cret"));
  }

  @Test
  void printedSettingsShowNeitherPasswordNorFullAddresses() {
    String printed =
        MailSettings.from(
                with(
                    "mail.smtp.username", "jane.doe@example.org",
                    "mail.smtp.password", "hunter2-secret"))
            .toString();
    assertFalse(printed.contains("hunter2"), printed);
    assertFalse(printed.contains("jane.doe"), printed);
    assertFalse(printed.contains("blog@"), printed);
    assertTrue(printed.contains("smtp.example.org"), printed);
  }
}
