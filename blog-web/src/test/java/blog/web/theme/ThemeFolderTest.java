package blog.web.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names a theme's static folder answers, whatever Jetty lets through to it. */
class ThemeFolderTest {
  @TempDir Path folder;

  @Test
  void onlyPlainPathsToFilesInsideStaticAreFound() throws IOException {
    Path theme = Files.createDirectories(folder.resolve("theme"));
    Files.createDirectories(theme.resolve("static/css"));
    Files.writeString(theme.resolve("static/css/site.css"), "body{}");
    Files.writeString(theme.resolve("static/.env"), "SECRET=1");
    Files.writeString(theme.resolve("secret.txt"), "not static");
    Files.writeString(folder.resolve("outside.txt"), "outside");
    Files.createSymbolicLink(theme.resolve("static/out.txt"), folder.resolve("outside.txt"));
    ThemeFolder themed = ThemeFolder.at(theme, Clock.systemUTC());

    assertTrue(themed.staticFile("css/site.css").isPresent());
    for (String name :
        new String[] {
          "../secret.txt",
          "css/../../secret.txt",
          "../../outside.txt",
          "/etc/passwd",
          ".env",
          "css//site.css",
          "css\\site.css",
          "out.txt",
          "css",
          "",
          "css/./site.css"
        }) {
      assertEquals(Optional.empty(), themed.staticFile(name), name);
    }
  }
}
