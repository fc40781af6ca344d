package blog.core.login;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The providers the blog knows by name, in the order their buttons appear. */
final class BuiltInProviders {
  static final String WORDPRESS = "wordpress";
  static final String GOOGLE = "google";
  static final String X = "x";
  static final String FACEBOOK = "facebook";
  static final String GITHUB = "github";

  /** Display order; generic OpenID Connect providers follow, by id. */
  static final List<String> IDS = List.of(WORDPRESS, GOOGLE, X, FACEBOOK, GITHUB);

  static final String GOOGLE_LABEL = "Google";
  static final URI GOOGLE_ISSUER = URI.create("https://accounts.google.com");

  private static final Map<String, OAuth2Definition> OAUTH2 =
      Map.of(
          WORDPRESS,
          new OAuth2Definition(
              WORDPRESS,
              "WordPress.com",
              endpoints(
                  "https://public-api.wordpress.com/oauth2/authorize",
                  "https://public-api.wordpress.com/oauth2/token",
                  "https://public-api.wordpress.com/rest/v1.1/me"),
              // "auth" lets the token read /me and nothing else.
              new Scope("auth"),
              ClientAuthenticationMethod.CLIENT_SECRET_POST,
              ProfileReaders::wordPress,
              true),
          X,
          new OAuth2Definition(
              X,
              "X",
              endpoints(
                  "https://twitter.com/i/oauth2/authorize",
                  "https://api.twitter.com/2/oauth2/token",
                  "https://api.twitter.com/2/users/me?user.fields=profile_image_url,url,name,username"),
              // X requires tweet.read alongside users.read for /2/users/me.
              new Scope("users.read", "tweet.read"),
              ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
              ProfileReaders::x,
              false),
          FACEBOOK,
          new OAuth2Definition(
              FACEBOOK,
              "Facebook",
              endpoints(
                  "https://www.facebook.com/dialog/oauth",
                  "https://graph.facebook.com/oauth/access_token",
                  "https://graph.facebook.com/me?fields=id,name,picture,link"),
              new Scope("public_profile"),
              ClientAuthenticationMethod.CLIENT_SECRET_POST,
              ProfileReaders::facebook,
              true),
          GITHUB,
          new OAuth2Definition(
              GITHUB,
              "GitHub",
              endpoints(
                  "https://github.com/login/oauth/authorize",
                  "https://github.com/login/oauth/access_token",
                  "https://api.github.com/user"),
              // No scope: read-only access to public information, which includes /user.
              null,
              ClientAuthenticationMethod.CLIENT_SECRET_POST,
              ProfileReaders::gitHub,
              true));

  private BuiltInProviders() {}

  /** The definition of a built-in plain OAuth 2.0 provider; empty for Google and unknown ids. */
  static Optional<OAuth2Definition> oauth2(String id) {
    return Optional.ofNullable(OAUTH2.get(id));
  }

  static boolean isBuiltIn(String id) {
    return IDS.contains(id);
  }

  private static Endpoints endpoints(String authorization, String token, String userInfo) {
    return new Endpoints(URI.create(authorization), URI.create(token), URI.create(userInfo));
  }
}
