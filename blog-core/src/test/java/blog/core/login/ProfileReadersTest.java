package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import blog.core.login.LoginFailure.Reason;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each built-in provider's user JSON, as their documentation shows it, read into a Profile. */
class ProfileReadersTest {
  private static Map<String, Object> json(String text) {
    try {
      return JSONObjectUtils.parse(text);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void gitHubUser() throws LoginFailure {
    Profile profile =
        ProfileReaders.gitHub(
            "github",
            json(
                """
                {"login":"octocat","id":1,"node_id":"MDQ6VXNlcjE=",
                 "avatar_url":"https://github.com/images/error/octocat_happy.gif",
                 "html_url":"https://github.com/octocat","name":"monalisa octocat",
                 "email":"octocat@github.com","type":"User"}
                """));
    assertEquals(
        new Profile(
            "github",
            "1",
            "monalisa octocat",
            "octocat@github.com",
            false,
            "https://github.com/images/error/octocat_happy.gif",
            "https://github.com/octocat"),
        profile);
  }

  @Test
  void facebookMeWithNestedPicture() throws LoginFailure {
    Profile profile =
        ProfileReaders.facebook(
            "facebook",
            json(
                """
                {"id":"10158000000000001","name":"Jane Doe",
                 "picture":{"data":{"height":50,"is_silhouette":false,
                   "url":"https://platform-lookaside.fbsbx.com/p.jpg","width":50}},
                 "link":"https://www.facebook.com/app_scoped_user_id/10158000000000001/"}
                """));
    assertEquals(
        new Profile(
            "facebook",
            "10158000000000001",
            "Jane Doe",
            null,
            false,
            "https://platform-lookaside.fbsbx.com/p.jpg",
            "https://www.facebook.com/app_scoped_user_id/10158000000000001/"),
        profile);
  }

  @Test
  void wordPressMe() throws LoginFailure {
    Profile profile =
        ProfileReaders.wordPress(
            "wordpress",
            json(
                """
                {"ID":12345678,"display_name":"Writer","username":"writer42",
                 "email":"writer@example.org","email_verified":true,
                 "avatar_URL":"https://0.gravatar.com/avatar/abc?s=96",
                 "profile_URL":"https://gravatar.com/writer42","site_count":1}
                """));
    assertEquals(
        new Profile(
            "wordpress",
            "12345678",
            "Writer",
            "writer@example.org",
            true,
            "https://0.gravatar.com/avatar/abc?s=96",
            "https://gravatar.com/writer42"),
        profile);
  }

  @Test
  void xUserUnderData() throws LoginFailure {
    Profile profile =
        ProfileReaders.x(
            "x",
            json(
                """
                {"data":{"id":"2244994945","name":"Developers","username":"XDevelopers",
                 "profile_image_url":"https://pbs.twimg.com/profile_images/1/x_normal.jpg",
                 "url":"https://t.co/3ZX3TNiZCY"}}
                """));
    assertEquals(
        new Profile(
            "x",
            "2244994945",
            "Developers",
            null,
            false,
            "https://pbs.twimg.com/profile_images/1/x_normal.jpg",
            "https://x.com/XDevelopers"),
        profile);
  }

  @Test
  void xWithoutNameShowsTheHandle() throws LoginFailure {
    Profile profile =
        ProfileReaders.x("x", json("{\"data\":{\"id\":\"7\",\"username\":\"jack\"}}"));
    assertEquals("@jack", profile.displayName());
  }

  @Test
  void openIdConnectClaims() throws LoginFailure {
    Profile profile =
        ProfileReaders.openIdConnect(
            "google",
            json(
                """
                {"sub":"110169484474386276334","name":"Ann","given_name":"Ann",
                 "email":"ann@gmail.com","email_verified":true,
                 "picture":"https://lh3.googleusercontent.com/a/x=s96-c"}
                """));
    assertEquals(
        new Profile(
            "google",
            "110169484474386276334",
            "Ann",
            "ann@gmail.com",
            true,
            "https://lh3.googleusercontent.com/a/x=s96-c",
            null),
        profile);
  }

  @Test
  void valuesOfTheWrongTypeCountAsAbsent() throws LoginFailure {
    Profile profile =
        ProfileReaders.openIdConnect(
            "corp",
            json(
                "{\"sub\":\"s\",\"name\":42,\"email\":\"e@example.org\","
                    + "\"email_verified\":\"true\",\"picture\":{\"url\":\"https://x\"}}"));
    assertEquals(new Profile("corp", "s", "e", "e@example.org", false, null, null), profile);
  }

  @Test
  void aProfileWithoutUsableIdIsUnavailable() {
    for (String body :
        new String[] {"{}", "{\"id\":\"\"}", "{\"id\":1.5}", "{\"id\":true}", "{\"id\":null}"}) {
      LoginFailure failure =
          assertThrows(LoginFailure.class, () -> ProfileReaders.gitHub("github", json(body)));
      assertEquals(Reason.PROFILE_UNAVAILABLE, failure.reason(), body);
    }
  }
}
