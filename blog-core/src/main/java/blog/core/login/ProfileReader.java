package blog.core.login;

import java.util.Map;

/** Turns a provider's user JSON (or OpenID Connect claims) into a {@link Profile}. */
@FunctionalInterface
interface ProfileReader {
  /**
   * @throws LoginFailure with {@link LoginFailure.Reason#PROFILE_UNAVAILABLE} when the JSON lacks a
   *     usable account id
   */
  Profile read(String provider, Map<String, Object> json) throws LoginFailure;
}
