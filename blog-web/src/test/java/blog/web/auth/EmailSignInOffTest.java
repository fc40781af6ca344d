package blog.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import blog.web.testing.Browser;
import blog.web.testing.WebTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without mail, "Log in with email" is not offered and its addresses do not exist. */
class EmailSignInOffTest extends WebTestBase {
  @Test
  void withoutMailThereIsNoEmailLogIn() {
    String permalink = publishedPost("No mail");
    Browser browser = new Browser(server);
    String page = browser.page(permalink);
    assertFalse(page.contains("Log in with email"), "no button");
    assertFalse(page.contains("/auth/email/start"));
    Map<String, String> form = Browser.replyForm(page);
    form.putAll(Map.of("author", "Nomail", "email", "nomail@example.org", "comment", "Hi"));
    assertEquals(404, browser.post("/auth/email/start", form).statusCode());
    // Only the pages' catch-all route knows the address: it adds a slash, then finds no page.
    assertEquals(404, browser.get("/auth/email/confirm/?token=x").statusCode());
    assertFalse(browser.page("/my-comments").contains("Mail me the link"), "no mailed links");
  }
}
