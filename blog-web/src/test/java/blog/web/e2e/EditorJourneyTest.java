package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.web.testing.StaffBrowsers;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Journey 4: an admin logs in, writes a post with a table and an uploaded image in the Markdown
 * editor, watches the live preview, previews, publishes, edits it, and restores the first revision.
 */
class EditorJourneyTest extends BrowserTestBase {
  private static final String TABLE =
      "How the plans compare:\n\n| Plan | Price |\n| --- | --- |\n| Basic | 5 |\n| Pro | 12 |\n\n";

  private User admin;
  private Path picture;

  @Override
  protected void prepare() {
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Ada Admin");
    picture = redSquare();
  }

  @AfterAll
  void removePicture() throws IOException {
    Files.deleteIfExists(picture);
  }

  @Test
  void anAdminWritesPreviewsPublishesEditsAndRestoresAPost() {
    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    link("Posts").click();
    waitForPath("/admin/posts");
    checkPageAndAccessibility("posts list");
    link("Add New").click();
    waitForPath("/admin/posts/new");
    checkPageAndAccessibility("editor, new post");

    // Write: a table typed in Markdown, then an uploaded image inserted where the cursor is.
    type("#title", "Plans and pictures");
    find("#body").sendKeys(TABLE);
    find("#file").sendKeys(picture.toString());
    type("#alt", "A red square");
    find("#media-upload button[type=submit]").click();
    waitUntil(d -> find("#upload-status").getText().equals("Inserted."));
    String body = find("#body").getAttribute("value");
    assertTrue(body.startsWith(TABLE + "![A red square](/media/"), body);

    // The live preview renders both, as readers will see them.
    waitUntil(d -> !findAll("#preview table").isEmpty() && !findAll("#preview img").isEmpty());
    assertEquals("A red square", find("#preview img").getAttribute("alt"));
    assertEquals(2, findAll("#preview tbody tr").size());
    checkPage("editor with a live preview");
    checkAccessibility("editor with a live preview");

    // The Preview button: the same, rendered by the server, nothing saved.
    find("button[name=preview]").click();
    waitUntil(d -> !findAll("#preview table").isEmpty() && findAll("#title").size() == 1);
    checkAnswerToPost("editor preview", "#post-editor", "preview", "1");
    assertEquals("Plans and pictures", find("#title").getAttribute("value"));

    // Publish.
    find("input[name=status][value=publish]").click();
    find(".editor-buttons button:not([name])").click();
    waitUntil(d -> currentPath().matches("/admin/posts/\\d+/edit\\?saved=1"));
    String editor = currentPath().substring(0, currentPath().indexOf('?'));
    checkPageAndAccessibility("editor, published post");
    assertTrue(
        find("#publication").getText().matches("Published on \\w+ \\d{1,2}, \\d{4} at .+"),
        find("#publication").getText());

    // Opened again, the preview is there at once, in the site's own design: its reading type
    // and the public post's title, not the admin's sans-serif.
    open(editor);
    assertEquals(2, findAll("#preview tbody tr").size(), "the preview is filled on opening");
    assertEquals("Plans and pictures", find(".preview-post .entry-title").getText());
    assertTrue(
        find(".preview-post .entry-content")
            .getCssValue("font-family")
            .startsWith("\"Source Serif 4 Variable\""),
        find(".preview-post .entry-content").getCssValue("font-family"));
    assertTrue(
        find("#title").getCssValue("font-family").startsWith("\"Inter Variable\""),
        "the form stays in the interface face");
    keepFullPage(Path.of("target", "admin-shots", "editor-with-preview-1280.png"));

    link("View post").click();
    waitUntil(d -> !findAll("article.post.single").isEmpty());
    String permalink = currentPath();
    checkPageAndAccessibility("published post with a table and an image");
    assertEquals("Plans and pictures", find("h1.entry-title").getText());
    assertEquals(3, findAll(".entry-content table tr").size());
    WebElement image = find(".entry-content img");
    assertEquals("A red square", image.getAttribute("alt"));
    assertTrue(
        (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth === 40", image),
        "the uploaded image loads from " + image.getAttribute("src"));

    // Edit it.
    open(editor);
    checkPageAndAccessibility("editor, reopened to edit");
    find("#body").sendKeys("\n\nPrices went up in December.");
    find(".editor-buttons button:not([name])").click();
    waitUntil(d -> currentPath().equals(editor + "?saved=1"));
    open(permalink);
    checkPage("post after the edit");
    assertTrue(find(".entry-content").getText().contains("Prices went up in December."));

    // Restore the first revision.
    open(editor);
    link("Revisions").click();
    waitUntil(d -> currentPath().endsWith("/revisions"));
    checkPageAndAccessibility("revisions");
    List<WebElement> compare = driver.findElements(By.linkText("Compare with current"));
    assertTrue(compare.size() >= 2, "a revision per save: " + compare.size());
    compare.get(compare.size() - 1).click();
    waitUntil(d -> !findAll(".diff").isEmpty());
    checkPageAndAccessibility("a revision compared with the current text");
    assertTrue(find(".diff").getText().contains("Prices went up in December."));
    find("form[action$='/restore'] button[type=submit]").click();
    waitUntil(d -> currentPath().equals(editor + "?saved=1"));
    checkPage("editor after restoring");
    assertFalse(find("#body").getAttribute("value").contains("Prices went up"));

    open(permalink);
    checkPage("post after the restore");
    assertFalse(find(".entry-content").getText().contains("Prices went up"));
    assertEquals(3, findAll(".entry-content table tr").size());
  }

  /** A 40×40 red PNG in a temporary file, as a person would pick from their disk. */
  private static Path redSquare() {
    try {
      BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(Color.RED);
      g.fillRect(0, 0, 40, 40);
      g.dispose();
      Path file = Files.createTempFile("red-square", ".png");
      ImageIO.write(image, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
