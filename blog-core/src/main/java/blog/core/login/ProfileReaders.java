package blog.core.login;

import blog.core.login.LoginFailure.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How each built-in provider's user JSON maps to a {@link Profile}. Values of the wrong JSON type
 * are treated as absent rather than trusted; only the account id is required.
 */
final class ProfileReaders {
  private static final Pattern X_USERNAME = Pattern.compile("[A-Za-z0-9_]{1,15}");

  private ProfileReaders() {}

  /** OpenID Connect standard claims (ID token, completed by user info). */
  static Profile openIdConnect(String provider, Map<String, Object> claims) throws LoginFailure {
    return Profile.of(
        provider,
        id(provider, claims, "sub"),
        string(claims, "name"),
        string(claims, "preferred_username"),
        string(claims, "email"),
        Boolean.TRUE.equals(claims.get("email_verified")),
        string(claims, "picture"),
        string(claims, "profile"));
  }

  /** GitHub's {@code GET /user}; the e-mail is the public one, if any, and not known verified. */
  static Profile gitHub(String provider, Map<String, Object> json) throws LoginFailure {
    return Profile.of(
        provider,
        id(provider, json, "id"),
        string(json, "name"),
        string(json, "login"),
        string(json, "email"),
        false,
        string(json, "avatar_url"),
        string(json, "html_url"));
  }

  /** Facebook Graph {@code /me?fields=id,name,picture,link}; the picture is nested. */
  static Profile facebook(String provider, Map<String, Object> json) throws LoginFailure {
    return Profile.of(
        provider,
        id(provider, json, "id"),
        string(json, "name"),
        null,
        null,
        false,
        string(object(object(json, "picture"), "data"), "url"),
        string(json, "link"));
  }

  /** WordPress.com {@code /rest/v1.1/me}. */
  static Profile wordPress(String provider, Map<String, Object> json) throws LoginFailure {
    return Profile.of(
        provider,
        id(provider, json, "ID"),
        string(json, "display_name"),
        string(json, "username"),
        string(json, "email"),
        Boolean.TRUE.equals(json.get("email_verified")),
        string(json, "avatar_URL"),
        string(json, "profile_URL"));
  }

  /**
   * X API v2 {@code /2/users/me}, whose user sits under {@code data}. The profile page is built
   * from the username; the {@code url} field is the website the user lists, not their page.
   */
  static Profile x(String provider, Map<String, Object> json) throws LoginFailure {
    Map<String, Object> user = object(json, "data");
    String username = string(user, "username");
    boolean validUsername = username != null && X_USERNAME.matcher(username).matches();
    return Profile.of(
        provider,
        id(provider, user, "id"),
        string(user, "name"),
        validUsername ? "@" + username : null,
        null,
        false,
        string(user, "profile_image_url"),
        validUsername ? "https://x.com/" + username : null);
  }

  /** A string, or a whole number written as one; anything else is a failure. */
  static String id(String provider, Map<String, Object> json, String key) throws LoginFailure {
    Object value = json.get(key);
    String id = null;
    if (value instanceof String s && !s.isBlank()) {
      id = s.strip();
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      id = value.toString();
    } else if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      id = d.toBigIntegerExact().toString();
    }
    if (id == null || id.length() > Profile.MAX_SUBJECT) {
      throw new LoginFailure(
          provider, Reason.PROFILE_UNAVAILABLE, "profile has no usable \"" + key + "\" member");
    }
    return id;
  }

  private static String string(Map<String, Object> json, String key) {
    return json.get(key) instanceof String s ? s : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> json, String key) {
    return json.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
