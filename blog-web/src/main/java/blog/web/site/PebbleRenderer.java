package blog.web.site;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Renders Pebble templates from {@code templates/} on the classpath with HTML auto-escaping on.
 * Strict variables (a typo fails instead of printing nothing) are on when {@code
 * BLOG_TEST_STRICT_TEMPLATES=true}, as the build sets for tests.
 */
public final class PebbleRenderer {
  private final PebbleEngine engine;

  public PebbleRenderer(boolean strictVariables) {
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("templates");
    loader.setSuffix(".peb");
    this.engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .autoEscaping(true)
            .strictVariables(strictVariables)
            .cacheActive(true)
            .build();
  }

  public static PebbleRenderer fromEnvironment() {
    return new PebbleRenderer("true".equalsIgnoreCase(System.getenv("BLOG_TEST_STRICT_TEMPLATES")));
  }

  public String render(String template, Map<String, Object> model) {
    StringWriter out = new StringWriter(8192);
    try {
      engine.getTemplate(template).evaluate(out, model, Locale.ENGLISH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
