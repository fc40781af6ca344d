package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.web.testing.StaffBrowsers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gallery ({@link ScreenshotGallery}) of a blog holding WordPress's Theme Unit Test data: long
 * words and titles, wide tables, deep threads, every kind of markup.
 */
class ThemeBlogGalleryTest extends ScreenshotGallery {
  private User admin;

  @Override
  protected void prepare() {
    ThemeUnitTestData.importInto(db);
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Theo Theme");
  }

  @Test
  void theThemeUnitTestBlog() {
    List<String> problems =
        gallery(
            "theme",
            ThemeUnitTestData.permalink(db, "markup-html-tags-and-formatting"),
            ThemeUnitTestData.permalink(db, "template-comments"),
            "/about/",
            "/?s=template",
            admin,
            postId("template-comments"));
    assertTrue(
        problems.isEmpty(),
        "the Theme Unit Test blog's pages:\n  " + String.join("\n  ", problems));
  }
}
