package blog.core.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Who someone is at a login provider, as the blog keeps it for a commenter. Everything here came
 * from the provider and is cleaned on the way in: control and bidi-override characters go, lengths
 * are capped, only http(s) URLs are kept and the e-mail counts as verified only when the provider
 * said so.
 *
 * @param provider the provider's id, e.g. {@code github}
 * @param subject the provider's stable id for the account (never the e-mail or login, which change)
 * @param displayName never blank: the name, else the login, else the e-mail's local part, else
 *     "{provider} user"
 * @param email null when the provider shared none
 * @param avatarUrl an http(s) URL, or null
 * @param profileUrl an http(s) URL of the account's public page, or null
 */
public record Profile(
    String provider,
    String subject,
    String displayName,
    String email,
    boolean emailVerified,
    String avatarUrl,
    String profileUrl) {

  static final int MAX_SUBJECT = 255;
  static final int MAX_DISPLAY_NAME = 80;
  static final int MAX_EMAIL = 254;
  static final int MAX_URL = 2048;

  public Profile {
    if (provider == null || provider.isBlank()) {
      throw new IllegalArgumentException("provider is required");
    }
    if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("subject must be 1 to " + MAX_SUBJECT + " characters");
    }
    email = email(email);
    emailVerified = emailVerified && email != null;
    displayName = firstPresent(text(displayName), emailLocalPart(email), provider + " user");
    avatarUrl = httpUrl(avatarUrl);
    profileUrl = httpUrl(profileUrl);
  }

  /** A profile whose display name falls back from {@code name} to {@code username}, and so on. */
  static Profile of(
      String provider,
      String subject,
      String name,
      String username,
      String email,
      boolean emailVerified,
      String avatarUrl,
      String profileUrl) {
    return new Profile(
        provider,
        subject,
        firstPresent(text(name), text(username)),
        email,
        emailVerified,
        avatarUrl,
        profileUrl);
  }

  private static String firstPresent(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }

  /** Single-line text without control or bidi-override characters, at most the name's length. */
  private static String text(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .map(c -> Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c)
        .filter(c -> !isBidiControl(c))
        .forEach(out::appendCodePoint);
    String cleaned = out.toString().replaceAll(" {2,}", " ").strip();
    if (cleaned.codePointCount(0, cleaned.length()) > MAX_DISPLAY_NAME) {
      cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_DISPLAY_NAME)).strip();
    }
    return cleaned.isEmpty() ? null : cleaned;
  }

  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F;
  }

  private static String email(String value) {
    if (value == null) {
      return null;
    }
    String email = value.strip();
    int at = email.lastIndexOf('@');
    boolean plausible =
        at > 0
            && at < email.length() - 1
            && email.length() <= MAX_EMAIL
            && email
                .codePoints()
                .noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    return plausible ? email : null;
  }

  private static String emailLocalPart(String email) {
    return email == null ? null : text(email.substring(0, email.lastIndexOf('@')));
  }

  private static String httpUrl(String value) {
    if (value == null || value.isBlank() || value.length() > MAX_URL) {
      return null;
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("https") || scheme.equals("http");
      return web && uri.getHost() != null && uri.getRawUserInfo() == null ? uri.toString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
