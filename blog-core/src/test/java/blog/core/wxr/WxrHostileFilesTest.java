package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile files are refused with a message naming the problem, and leave the blog as it
 * was: the import is one transaction, even when the trouble comes after many items went in.
 */
class WxrHostileFilesTest extends FreshDatabases {
  private static final String POST = WxrKit.item(1, "first", "First", "");

  @Test
  void aFileCutOffHalfwayImportsNothing() {
    WxrKit blog = emptyBlog();
    byte[] whole = WxrKit.fixture(WxrKit.THEME_DATA);
    byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);

    WxrException e = assertThrows(WxrException.class, () -> blog.importBytes(cut));

    assertTrue(e.getMessage().startsWith("The file is not well-formed XML"), e.getMessage());
    assertTrue(e.getMessage().contains("line "), e.getMessage());
    assertNothingImported(blog);
  }

  @Test
  void mismatchedTagsAreNamed() {
    WxrKit blog = emptyBlog();
    String broken = WxrKit.wxr("1.2", "", POST + "<item><title>x</titel></item>");

    WxrException e = assertThrows(WxrException.class, () -> blog.importText(broken));

    assertTrue(
        e.getMessage().contains("must be terminated by the matching end-tag"), e.getMessage());
    assertNothingImported(blog);
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyEntityIsExpanded() {
    WxrKit blog = emptyBlog();
    StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      entities.append("<!ENTITY lol").append(i).append(" \"");
      entities.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String bomb =
        WxrKit.wxr("1.2", "", WxrKit.item(1, "bomb", "&lol9;", ""))
            .replace("<rss ", "<!DOCTYPE rss [" + entities + "]>\n<rss ");

    WxrException e = assertThrows(WxrException.class, () -> blog.importText(bomb));

    assertTrue(e.getMessage().contains("declares a document type"), e.getMessage());
    assertTrue(e.getMessage().contains("billion laughs"), e.getMessage());
    assertNothingImported(blog);
  }

  @Test
  void externalEntitiesAreNeverRead(@TempDir Path dir) throws IOException {
    WxrKit blog = emptyBlog();
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-VALUE");
    String xxe =
        WxrKit.wxr("1.2", "", WxrKit.item(1, "xxe", "&xxe;", ""))
            .replace(
                "<rss ", "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<rss ");

    WxrException e = assertThrows(WxrException.class, () -> blog.importText(xxe));

    assertTrue(e.getMessage().contains("external entities (XXE"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    assertNothingImported(blog);
  }

  @Test
  void aHugeElementIsRefusedWithItsName() {
    WxrKit blog = emptyBlog();
    String huge = "x".repeat(WxrLimits.DEFAULTS.maxTextChars() + 1);
    String file =
        WxrKit.wxr(
            "1.2", "", POST + WxrKit.item(2, "huge", "Huge", "").replace("Text of Huge.", huge));

    WxrException e = assertThrows(WxrException.class, () -> blog.importText(file));

    assertTrue(
        e.getMessage()
            .startsWith(
                "<content:encoded> of item 2 is longer than "
                    + WxrLimits.DEFAULTS.maxTextChars()
                    + " characters"),
        e.getMessage());
    assertNothingImported(blog);
  }

  @Test
  void deepNestingIsRefused() {
    WxrKit blog = emptyBlog();
    String deep = "<x>".repeat(100) + "</x>".repeat(100);
    String file = WxrKit.wxr("1.2", "", POST + WxrKit.item(2, "deep", "Deep", deep));

    WxrException e = assertThrows(WxrException.class, () -> blog.importText(file));

    assertTrue(e.getMessage().startsWith("Elements nest more than 32 levels deep"), e.getMessage());
    assertNothingImported(blog);
  }

  @Test
  void filesThatAreNoWordPressExportSaySo() {
    WxrKit blog = emptyBlog();
    assertMessage(blog, "", "The file is empty");
    assertMessage(blog, "<html><body>hi</body></html>", "starts with <html>");
    assertMessage(
        blog,
        "<rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item>"
            + "</channel></rss>",
        "there is no <wp:wxr_version>");
    assertMessage(blog, WxrKit.wxr("1.3", "", POST), "WXR version 1.3");
    assertMessage(blog, "not xml at all", "The file is not well-formed XML");
    assertNothingImported(blog);
  }

  private static void assertMessage(WxrKit blog, String file, String expected) {
    WxrException e = assertThrows(WxrException.class, () -> blog.importText(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static void assertNothingImported(WxrKit blog) {
    for (String table : WxrKit.TABLES.keySet()) {
      assertEquals(0, blog.count("SELECT COUNT(*) FROM " + table), table);
    }
  }
}
