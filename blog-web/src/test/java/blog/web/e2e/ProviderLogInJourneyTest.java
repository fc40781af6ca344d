package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.testing.TestOidcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Journey 3: a commenter types a comment, clicks a provider's button, logs in at a real OpenID
 * Connect server on loopback (mock-oauth2-server with its log-in page), comes back to the post with
 * the typed text intact, posts as that account, and logs out.
 */
class ProviderLogInJourneyTest extends BrowserTestBase {
  private static final String TYPED = "Typed before logging in — & still here <intact>.";

  private final TestOidcServer provider = TestOidcServer.withLogInPage().start();
  private final int port = freePort();
  private String permalink;

  @Override
  protected Map<String, String> config() {
    // The provider sends the browser back to base-url, so it must be this server's address.
    return Map.of(
        "port",
        Integer.toString(port),
        "base-url",
        "http://127.0.0.1:" + port,
        "auth.oidc.corp.issuer",
        provider.issuer("corp").toString(),
        "auth.oidc.corp.client-id",
        "blog",
        "auth.oidc.corp.client-secret",
        "blog-secret",
        "auth.oidc.corp.label",
        "Corp ID");
  }

  @Override
  protected void prepare() {
    long post =
        fixtures.post(
            fixtures.author("Pat Poster"),
            "Comment with your company account",
            PostStatus.PUBLISHED,
            Instant.now().minus(2, ChronoUnit.HOURS));
    permalink = permalinkOf(post);
  }

  @AfterAll
  void stopProvider() {
    provider.close();
  }

  @Test
  void aCommenterLogsInAtTheProviderKeepsTheTypedTextPostsAndLogsOut() {
    open(permalink);
    checkPageAndAccessibility("post with log-in buttons");
    type("#comment", TYPED);
    // The page that moves on to the provider is gone at once: check it as the blog sends it.
    checkAnswerToPost("on the way to the provider", "#commentform", "/auth/corp/start", "x", "");
    WebElement button = find("button.login-corp");
    assertEquals("Log in with Corp ID", button.getAttribute("aria-label"));
    button.click();

    // At the provider: its own log-in page, on another port.
    waitUntil(d -> d.getCurrentUrl().startsWith(provider.authorizationEndpoint("corp").toString()));
    driver.findElement(By.name("username")).sendKeys("olivia");
    driver.findElement(By.name("claims")).sendKeys("{\"name\": \"Olivia Oidc\"}");
    driver.findElement(By.cssSelector("input[type=submit]")).click();

    // Back at the post, logged in, with the text as it was typed.
    waitForPath(permalink);
    assertEquals(TYPED, find("#comment").getAttribute("value"));
    assertTrue(
        find(".comment-signed-in")
            .getText()
            .startsWith(
                "Commenting as Olivia Oidc · You are commenting using your Corp ID account."),
        find(".comment-signed-in").getText());
    assertTrue(findAll("#author").isEmpty(), "no name or email to type");
    checkPageAndAccessibility("post, logged in with a provider");

    find("#submit").click();
    WebElement posted =
        waitUntil(
            d ->
                findAll("li.comment").stream()
                    .filter(li -> li.getText().contains("still here <intact>."))
                    .findFirst()
                    .orElse(null));
    assertTrue(posted.findElement(By.cssSelector(".fn")).getText().contains("Olivia Oidc"));
    checkPage("post with the provider account's comment");

    find(".comment-signed-in button[formaction='/auth/logout']").click();
    waitUntil(d -> !findAll(".form-notice").isEmpty());
    assertEquals("You are logged out.", find(".form-notice").getText());
    assertFalse(findAll("#author").isEmpty(), "a guest again, asked for name and email");
    assertTrue(findAll(".comment-signed-in").isEmpty());
    checkPage("post after logging out");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
