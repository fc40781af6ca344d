package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Journey 5: on a phone-sized screen (375 CSS pixels, touch) the post, its deepest thread and the
 * reply form opened there fit the width: nothing scrolls sideways, and the form's fields and button
 * are on the screen, wide enough to use.
 */
class PhoneJourneyTest extends BrowserTestBase {
  private String permalink;

  /** The deepest comment that can still be answered (level 4 of 5). */
  private long deepest;

  @Override
  protected Chromium.Options browserOptions() {
    return Chromium.Options.phone();
  }

  @Override
  protected void prepare() {
    Instant at = Instant.now().minus(3, ChronoUnit.HOURS);
    long post =
        fixtures.post(fixtures.author("Phoebe Phone"), "Read on the bus", PostStatus.PUBLISHED, at);
    permalink = permalinkOf(post);
    // A thread as deep as replies go (5 levels), with the words and links that break layouts.
    Long parent = null;
    List<String> texts =
        List.of(
            "Top of the thread.",
            "See https://example.org/a/very/long/address/that/goes/on/and/on/without/any/space/"
                + "at/all/for/the/phone/to/break/it?with=query&and=more-parameters-still",
            "Supercalifragilisticexpialidocious-and-then-some-more-letters-without-a-break",
            "`a_code_span_that_is_long_and_has_no_spaces_to_wrap_at_all_anywhere_in_it`",
            "The deepest reply.");
    for (int i = 0; i < texts.size(); i++) {
      parent =
          fixtures.comment(
              post, parent, "Reader " + (i + 1), texts.get(i), at.plus(i + 1, ChronoUnit.MINUTES));
      if (i == texts.size() - 2) {
        deepest = parent;
      }
    }
  }

  @Test
  void thePostAndTheReplyFormFitAPhoneScreen() {
    open("/");
    checkPageAndAccessibility("home on a phone");
    assertNoSidewaysScrolling("home");

    open(permalink);
    checkPageAndAccessibility("post on a phone");
    assertNoSidewaysScrolling("post");

    WebElement reply = find("#comment-" + deepest + " .comment-reply-link");
    reply.click();
    waitUntil(d -> !findAll("#comment-" + deepest + " #respond").isEmpty());
    assertNoSidewaysScrolling("post with the reply form under the deepest reply");
    checkPageAndAccessibility("post with the reply form open on a phone");
    for (String field : List.of("#comment", "#author", "#email", "#url", "#submit")) {
      Map<?, ?> box = box(field);
      assertTrue(
          num(box, "left") >= 0 && num(box, "right") <= num(box, "viewport"),
          field + " is on the screen: " + box);
    }
    assertTrue(num(box("#comment"), "width") >= 250, "room to type: " + box("#comment"));

    type("#comment", "Replying from my phone.");
    type("#author", "Mo Bile");
    type("#email", "mo@example.org");
    find("#submit").click();
    WebElement posted =
        waitUntil(
            d ->
                findAll("#comment-" + deepest + " > ol.children > li.comment").stream()
                    .filter(li -> li.getText().contains("Replying from my phone."))
                    .findFirst()
                    .orElse(null));
    assertTrue(posted.getText().contains("Replying from my phone."), posted.getText());
    assertNoSidewaysScrolling("post with the new reply");
    checkPage("post with the new reply on a phone");
    assertEquals(
        "Reader 4",
        driver
            .findElement(By.cssSelector("#comment-" + deepest + " > .comment-body .fn"))
            .getText());
  }

  private void assertNoSidewaysScrolling(String what) {
    Map<?, ?> sizes =
        (Map<?, ?>)
            js(
                "const e = document.documentElement;"
                    + "const wide = [...document.querySelectorAll('body *')]"
                    + "  .filter(x => x.getBoundingClientRect().right > e.clientWidth + 1)"
                    + "  .slice(0, 5).map(x => x.tagName + '.' + x.className);"
                    + "return {scroll: e.scrollWidth, client: e.clientWidth, wide: wide};");
    assertTrue(
        num(sizes, "scroll") <= num(sizes, "client"),
        what + " scrolls sideways on a phone: " + sizes);
  }

  private Map<?, ?> box(String css) {
    return (Map<?, ?>)
        js(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return {left: r.left, right: r.right, width: r.width,"
                + "  viewport: document.documentElement.clientWidth};",
            css);
  }

  private static double num(Map<?, ?> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
