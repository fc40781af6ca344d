package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On the narrowest phones (320 CSS pixels) nothing scrolls sideways, on a blog holding WordPress's
 * Theme Unit Test data: a title of one 85-letter word, long words and addresses in posts and
 * comments, wide tables and code, deep threads. Long words wrap ({@code overflow-wrap}); tables and
 * code scroll inside themselves ({@link WideTableTest}).
 */
class NarrowScreenTest extends BrowserTestBase {
  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(320, 640, true, true);
  }

  @Override
  protected void prepare() {
    ThemeUnitTestData.importInto(db);
  }

  @Test
  void nothingScrollsSidewaysAt320Pixels() {
    List<String> paths =
        List.of(
            "/",
            "/page/2/",
            ThemeUnitTestData.permalink(db, "title-should-not-overflow-the-content-area"),
            ThemeUnitTestData.permalink(db, "markup-html-tags-and-formatting"),
            ThemeUnitTestData.permalink(db, "template-comments"),
            ThemeUnitTestData.permalink(db, "markup-image-alignment"),
            ThemeUnitTestData.permalink(db, "title-with-special-characters"),
            "/?s=Taumatawhakatangihangakoauauotamateaturipukakapikimaungahoronukupokaiwhenuakitanatahu",
            "/category/edge-case-2/",
            "/about/",
            "/no/such/page/");
    List<String> wide = new ArrayList<>();
    for (String path : paths) {
      open(path);
      waitUntil(d -> "complete".equals(js("return document.readyState")));
      Object wider =
          js(
              "const d = document.documentElement;"
                  + "return d.scrollWidth > d.clientWidth ? d.scrollWidth + ' > ' + d.clientWidth"
                  + " + ': ' + [...document.querySelectorAll('body *')]"
                  + ".filter(e => e.getBoundingClientRect().right > d.clientWidth + 1)"
                  + ".slice(0, 5).map(e => e.tagName.toLowerCase()"
                  + " + (e.className ? '.' + e.className : '')).join(', ') : null;");
      if (wider != null) {
        wide.add(path + ": " + wider);
      }
    }
    assertTrue(
        wide.isEmpty(), "pages wider than a 320-pixel phone:\n  " + String.join("\n  ", wide));
  }
}
