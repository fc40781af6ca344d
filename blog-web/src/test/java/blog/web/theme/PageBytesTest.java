package blog.web.theme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page written as bytes is byte for byte the page written as text and encoded: escaped and raw
 * values, numbers, template text, characters outside ASCII (in short and long pieces, and one
 * beyond the Basic Multilingual Plane), and kept HTML copied as its bytes.
 */
class PageBytesTest {
  @TempDir Path dir;

  private static final String LONG =
      "ascii ".repeat(40) + "‘quoted’ " + "more ".repeat(40) + "an emoji 😀 and <b>tags</b> ";

  @Test
  void aPageWrittenAsBytesIsThePageWrittenAsTextEncoded() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        templates.resolve("bytes.peb"),
        "<p>“{{ text }}”</p>{{ kept }}|{{ number }}|{{ ratio }}|{{ letter }}|"
            + "{% for piece in pieces %}[{{ piece }}]{% endfor %}|{{ html | raw }}|{{ long }}"
            + "|{{ long | raw }}|é😀 literal text ".repeat(3),
        StandardCharsets.UTF_8);
    ThemeTemplates themed =
        new ThemeTemplates(
            ThemeFolder.at(dir, Clock.systemUTC()),
            ClasspathLoader::new,
            loader -> new PebbleEngine.Builder().loader(loader).autoEscaping(true).build());
    KeptHtml kept = new KeptHtml("<li>Kept “threads” — 😀 " + LONG + "</li>");
    Map<String, Object> model =
        Map.of(
            "text",
            "Tom & <Jerry> café",
            "kept",
            kept,
            "number",
            1234567890123L,
            "ratio",
            0.25,
            "letter",
            'ü',
            "pieces",
            List.of("a", "ñ", "<z>", LONG),
            "html",
            "<em>raw “html”</em>",
            "long",
            LONG);

    String text = themed.render("bytes", model, () -> false);
    byte[] bytes = themed.renderBytes("bytes", model, () -> false);
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes);
    assertEquals(text, new String(bytes, StandardCharsets.UTF_8));
    assertEquals(
        kept.toString().getBytes(StandardCharsets.UTF_8).length, kept.length(), "its bytes");
  }
}
