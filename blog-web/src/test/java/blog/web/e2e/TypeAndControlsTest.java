package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.web.testing.StaffBrowsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One type system and no control left to the browser's defaults: reading text in the serif, every
 * label, button, field, hint, counter and meta line in the interface face, both served by the blog;
 * the search form, the reply form, a reader's own comment being edited and the admin's number
 * fields and drop-downs drawn by the theme; and a visible focus ring on every stop of the Tab key,
 * on the public pages and in the admin.
 */
class TypeAndControlsTest extends BrowserTestBase {
  private static final String SERIF = "\"Source Serif 4 Variable\"";
  private static final String UI = "\"Inter Variable\"";

  /** What a reader operates or skims rather than reads. */
  private static final String INTERFACE =
      ".entry-meta, .entry-footer, .comment-meta, .comment .reply, .comment-own-actions,"
          + " label, button, input:not([type=hidden], [type=checkbox], [type=radio]), textarea,"
          + " select, .field-hint,"
          + " .comment-counter, .comment-notes, .widget-title, .widget li, .site-footer,"
          + " .site-description, .search-field, .search-submit, .comment-edit-form";

  /** Fields and buttons: each drawn by the theme, not by the browser. */
  private static final String CONTROLS =
      ".search-field, .search-submit, #comment, #author, #email, #url, #submit,"
          + " .comment-edit-form textarea, .comment-edit-form button";

  private User admin;

  /** How many elements the last walk with the Tab key reached. */
  private int reached;

  @Override
  protected void prepare() {
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Tia Type");
  }

  @Test
  void aReaderSeesOneTypeSystemStyledControlsAndFocusRings() {
    forgetEveryone();
    open(ReaderJourneyTest.SEED);
    type("#comment", "Checking the type.");
    type("#author", "Tina Type");
    type("#email", "tina@example.org");
    find("#submit").click();
    waitUntil(d -> !findAll(".comment-edit-link").isEmpty());
    find(".comment-edit-link").click();
    waitUntil(d -> !findAll(".comment-edit-form textarea").isEmpty());
    open(currentPath()); // the edit form as served, with the reply form below
    waitUntil(d -> !findAll(".comment-edit-form textarea").isEmpty());

    assertEquals(
        Boolean.TRUE,
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "document.fonts.ready.then(() => done("
                    + " document.fonts.check('16px "
                    + SERIF
                    + "')"
                    + " && document.fonts.check('16px "
                    + UI
                    + "')"
                    + " && [...document.fonts].filter(f => f.status === 'loaded').length >= 2));"),
        "both faces are loaded from the blog");
    assertTrue(family(".entry-content p").startsWith(SERIF), family(".entry-content p"));
    assertTrue(family(".comment-content p").startsWith(SERIF), family(".comment-content p"));
    assertTrue(family(".entry-title").startsWith(SERIF));
    List<String> notUi = notInFace(INTERFACE, UI);
    assertTrue(notUi.isEmpty(), "interface text not in the interface face: " + notUi);

    List<String> plain = browserDefaults(CONTROLS);
    assertTrue(plain.isEmpty(), "controls left as the browser draws them: " + plain);
    assertEquals(
        9, ((List<?>) js("return [...document.querySelectorAll(arguments[0])]", CONTROLS)).size());
    checkPageAndAccessibility("the article with the reader's comment being edited");

    List<String> noRing = tabThroughThePage(90);
    assertTrue(noRing.isEmpty(), "focus without a visible ring: " + noRing);
    assertTrue(reached > 20, "the Tab key went round the page: " + reached + " stops");
  }

  @Test
  void theAdminsNumberFieldsDropDownsAndButtonsAreStyledAndShowTheFocus() {
    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    open("/admin/settings");
    assertTrue(
        !findAll("input[type=number]").isEmpty() && !findAll("select").isEmpty(),
        "the settings have number fields and drop-downs");
    List<String> plain =
        browserDefaults(
            "input[type=number], select, input[type=text], textarea, button:not(.link-button)");
    assertTrue(plain.isEmpty(), "controls left as the browser draws them: " + plain);
    assertEquals(
        "none",
        js("return getComputedStyle(document.querySelector('select')).appearance"),
        "drop-downs drawn by the theme, with its arrow");
    List<String> notUi =
        notInFace(".admin-content, .admin-content label, .admin-content button", UI);
    assertTrue(notUi.isEmpty(), "admin text not in the interface face: " + notUi);
    List<String> noRing = tabThroughThePage(40);
    assertTrue(noRing.isEmpty(), "focus without a visible ring: " + noRing);
    assertTrue(reached > 20, "the Tab key went through the settings: " + reached + " stops");
    open("/admin/posts");
    assertTrue(browserDefaults("#s, .post-search button, .page-title .button").isEmpty());
  }

  private String family(String css) {
    return (String)
        js("return getComputedStyle(document.querySelector(arguments[0])).fontFamily", css);
  }

  /** The visible elements matching {@code css} whose font is not {@code face}. */
  @SuppressWarnings("unchecked")
  private List<String> notInFace(String css, String face) {
    return (List<String>)
        js(
            "return [...document.querySelectorAll(arguments[0])]"
                + ".filter(e => e.getClientRects().length > 0)"
                + ".filter(e => !getComputedStyle(e).fontFamily.startsWith(arguments[1]))"
                + ".map(e => e.tagName.toLowerCase() + '.' + e.className + ': '"
                + " + getComputedStyle(e).fontFamily);",
            css,
            face);
  }

  /**
   * The visible controls matching {@code css} as the browser draws them unstyled: square corners,
   * the system's font, or (buttons) the system's grey.
   */
  @SuppressWarnings("unchecked")
  private List<String> browserDefaults(String css) {
    return (List<String>)
        js(
            "return [...document.querySelectorAll(arguments[0])]"
                + ".filter(e => e.getClientRects().length > 0).filter(e => {"
                + "  const s = getComputedStyle(e);"
                + "  const corners = ['borderTopLeftRadius', 'borderTopRightRadius',"
                + "    'borderBottomLeftRadius', 'borderBottomRightRadius'].map(k => parseFloat(s[k]));"
                + "  return Math.max(...corners) < 4 || !s.fontFamily.startsWith(arguments[1])"
                + "    || s.backgroundColor === 'rgb(239, 239, 239)'"
                + "    || s.backgroundColor === 'rgb(240, 240, 240)'; })"
                + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '.' + e.className));",
            css,
            UI);
  }

  /**
   * Presses Tab up to {@code stops} times from the top of the page; answers the elements that took
   * the focus without showing it (an outline of at least 2 pixels, or a ring drawn as a shadow).
   */
  private List<String> tabThroughThePage(int stops) {
    js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    List<String> missing = new ArrayList<>();
    Object first = null;
    reached = 0;
    for (int i = 0; i < stops; i++) {
      pressTab();
      Map<?, ?> at =
          (Map<?, ?>)
              js(
                  "const e = document.activeElement; const s = getComputedStyle(e);"
                      + "return {name: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                      + "   + (e.className ? '.' + String(e.className).split(' ')[0] : '')"
                      + "   + ' ' + (e.textContent || e.value || '').trim().slice(0, 20),"
                      + " ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)"
                      + "   || s.boxShadow !== 'none', body: e === document.body};");
      if (Boolean.TRUE.equals(at.get("body"))) {
        continue;
      }
      if (at.get("name").equals(first)) {
        break; // round the page once
      }
      if (first == null) {
        first = at.get("name");
      }
      reached++;
      if (!Boolean.TRUE.equals(at.get("ring"))) {
        missing.add((String) at.get("name"));
      }
    }
    return missing;
  }
}
