package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks the journeys rely on catch what they are meant to catch, so a journey cannot pass
 * because a checker saw nothing.
 */
class PageChecksTest extends BrowserTestBase {
  @Test
  void theHtmlCheckerReportsInvalidMarkup() {
    String valid =
        "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p>x</p></body></html>";
    assertEquals(List.of(), HtmlValidator.get().errors(valid, "http://127.0.0.1/"));
    List<String> errors =
        HtmlValidator.get()
            .errors(valid.replace("<p>x</p>", "<p><div>x</div></p><img src=a>"), "http://x/");
    assertTrue(errors.stream().anyMatch(e -> e.contains("“p” end tag")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("“alt” attribute")), errors.toString());
  }

  @Test
  void thePageCheckReportsInvalidMarkupAddedByScript() {
    open("/");
    js("document.querySelector('main').insertAdjacentHTML('beforeend', '<ul><div>no</div></ul>')");
    AssertionError error = assertThrows(AssertionError.class, () -> checkPage("home, broken"));
    assertTrue(error.getMessage().contains("document: "), error.getMessage());
  }

  @Test
  void thePageCheckReportsAPageThatMovesWhenFetchedAgain() {
    open("/no/such/page/");
    // The address bar now names an address the server answers with a redirect (the trailing
    // slash): the page can no longer be fetched as it was served, so its checks cannot run.
    js("history.replaceState(null, '', '/2011/09')");
    AssertionError error = assertThrows(AssertionError.class, () -> checkPage("moved page"));
    assertTrue(
        error.getMessage().contains("fetched again, the page was redirected to"),
        error.getMessage());
    assertTrue(error.getMessage().contains("/2011/09/"), error.getMessage());
  }

  @Test
  void axeReportsAFieldWithoutALabel() {
    open("/");
    assertEquals(List.of(), Axe.seriousViolations(driver));
    js("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')");
    List<String> violations = Axe.seriousViolations(driver);
    assertTrue(violations.stream().anyMatch(v -> v.contains(" label ")), violations.toString());
  }

  @Test
  void anInlineScriptIsBlockedAndTheViolationSeen() {
    open("/");
    assertEquals(List.of(), cspViolations());
    js(
        "const s = document.createElement('script');"
            + "s.textContent = 'window.inlineRan = true';"
            + "document.body.appendChild(s);");
    waitUntil(d -> !cspViolations().isEmpty());
    assertFalse(Boolean.TRUE.equals(js("return window.inlineRan === true")), "blocked");
    assertTrue(cspViolations().get(0).contains("script-src"), cspViolations().toString());
    forgetConsole();
  }

  @Test
  void aPolicyWithInlineScriptsOrNoneIsRefused() {
    assertEquals(List.of(), policyProblems("default-src 'self'; script-src 'self'"));
    assertEquals(List.of(), policyProblems("default-src 'self'"));
    assertFalse(policyProblems("default-src 'self'; script-src 'self' 'unsafe-inline'").isEmpty());
    assertEquals(List.of(), policyProblems("default-src *; script-src-elem 'self'"));
    assertFalse(policyProblems("script-src 'self'; script-src-attr 'unsafe-inline'").isEmpty());
    assertFalse(policyProblems("img-src 'self'").isEmpty());
    assertFalse(policyProblems(null).isEmpty());
  }
}
