package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AuthorizationRequestTest {
  private final AuthorizationRequest started =
      new AuthorizationRequest(
          URI.create(
              "https://provider.example/authorize?client_id=c&state=s3cr3t-state"
                  + "&redirect_uri=https%3A%2F%2Fblog.example%2Fauth%2Fcb%3Fa%3D1"),
          "s3cr3t-state",
          "the-nonce",
          "the-verifier");

  @Test
  void onlyTheSameStateMatches() {
    assertTrue(started.stateMatches("s3cr3t-state"));
    assertFalse(started.stateMatches("s3cr3t-statf"));
    assertFalse(started.stateMatches(""));
    assertFalse(started.stateMatches(null));
  }

  @Test
  void theCallbackIsTheRedirectUriItSent() {
    assertEquals(URI.create("https://blog.example/auth/cb?a=1"), started.callbackUri());
  }

  @Test
  void printingItRevealsNoneOfItsSecrets() {
    String printed = started.toString();
    assertFalse(printed.contains("s3cr3t"), printed);
    assertFalse(printed.contains("the-nonce"), printed);
    assertFalse(printed.contains("the-verifier"), printed);
    assertTrue(printed.contains("https://provider.example/authorize"), printed);
  }
}
