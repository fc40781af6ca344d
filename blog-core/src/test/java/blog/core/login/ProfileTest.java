package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProfileTest {
  private static Profile named(String name, String username, String email) {
    return Profile.of("github", "1", name, username, email, false, null, null);
  }

  @Test
  void theDisplayNameFallsBackFromNameToLoginToEmailToProviderUser() {
    assertEquals("Ada Lovelace", named("Ada Lovelace", "ada", "ada@example.org").displayName());
    assertEquals("ada", named("  ", "ada", "ada@example.org").displayName());
    assertEquals("ada.l", named(null, null, "ada.l@example.org").displayName());
    assertEquals("github user", named(null, "", null).displayName());
  }

  @Test
  void onlyHttpUrlsAreKept() {
    Profile profile =
        Profile.of(
            "x", "1", "n", null, null, false, "javascript:alert(1)", "https://example.org/me");
    assertNull(profile.avatarUrl());
    assertEquals("https://example.org/me", profile.profileUrl());

    assertNull(
        Profile.of("x", "1", "n", null, null, false, "data:image/png;base64,AA", null).avatarUrl());
    assertNull(
        Profile.of("x", "1", "n", null, null, false, "//cdn.example/a.png", null).avatarUrl());
    assertNull(
        Profile.of("x", "1", "n", null, null, false, "https://u:p@evil.example/", null)
            .avatarUrl());
    assertNull(Profile.of("x", "1", "n", null, null, false, "not a url", null).avatarUrl());
    assertEquals(
        "http://img.example/a.png",
        Profile.of("x", "1", "n", null, null, false, "http://img.example/a.png", null).avatarUrl());
  }

  @Test
  void controlAndBidiOverrideCharactersLeaveTheNameAndLongNamesAreCut() {
    assertEquals("Eve Admin", named("Eve\u202E\n\tAdmin\u0000", null, null).displayName());
    assertEquals(
        Profile.MAX_DISPLAY_NAME, named("a".repeat(500), null, null).displayName().length());
    String emoji = "\uD83D\uDE00".repeat(Profile.MAX_DISPLAY_NAME + 5);
    String cut = named(emoji, null, null).displayName();
    assertEquals(Profile.MAX_DISPLAY_NAME, cut.codePointCount(0, cut.length()), "no split pairs");
  }

  @Test
  void anEmailIsVerifiedOnlyWhenThereIsOneAndImplausibleOnesAreDropped() {
    assertFalse(Profile.of("g", "1", "n", null, null, true, null, null).emailVerified());
    assertNull(named("n", null, "no-at-sign").email());
    assertNull(named("n", null, "a b@example.org").email());
    assertEquals("a@example.org", named("n", null, " a@example.org ").email());
  }

  @Test
  void providerAndSubjectAreRequired() {
    assertThrows(
        IllegalArgumentException.class, () -> new Profile("g", " ", "n", null, false, null, null));
    assertThrows(
        IllegalArgumentException.class, () -> new Profile(" ", "1", "n", null, false, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Profile("g", "1".repeat(Profile.MAX_SUBJECT + 1), "n", null, false, null, null));
  }
}
