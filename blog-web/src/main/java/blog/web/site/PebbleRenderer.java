package blog.web.site;

import blog.web.theme.ThemeFolder;
import blog.web.theme.ThemeTemplates;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Renders Pebble templates from {@code templates/} on the classpath, or from the theme folder in
 * front of them ({@link ThemeTemplates}), with HTML auto-escaping on. Strict variables (a typo
 * fails instead of printing nothing) are on when {@code BLOG_TEST_STRICT_TEMPLATES=true}, as the
 * build sets for tests. Templates may call {@code asset('css/blog.css')} for a static file's
 * versioned URL.
 */
public final class PebbleRenderer {
  private final ThemeTemplates templates;

  /** {@code assetUrl}: the versioned URL of a static file, what {@code asset(name)} returns. */
  public PebbleRenderer(
      boolean strictVariables, ThemeFolder theme, UnaryOperator<String> assetUrl) {
    AssetFunctions functions = new AssetFunctions(assetUrl);
    this.templates =
        new ThemeTemplates(
            theme,
            PebbleRenderer::builtInLoader,
            loader ->
                new PebbleEngine.Builder()
                    .loader(loader)
                    .extension(functions)
                    .autoEscaping(true)
                    .strictVariables(strictVariables)
                    .cacheActive(true)
                    .build());
  }

  public static PebbleRenderer fromEnvironment(ThemeFolder theme, UnaryOperator<String> assetUrl) {
    return new PebbleRenderer(
        "true".equalsIgnoreCase(System.getenv("BLOG_TEST_STRICT_TEMPLATES")), theme, assetUrl);
  }

  /** Renders for a reader: a broken theme template gives way to the built-in one. */
  public String render(String template, Map<String, Object> model) {
    return templates.render(template, model, () -> false);
  }

  /**
   * Renders; a broken theme template gives way to the built-in one, or when {@code showErrors} (a
   * staff member) throws {@link blog.web.theme.BrokenTemplateException}.
   */
  public String render(String template, Map<String, Object> model, BooleanSupplier showErrors) {
    return templates.render(template, model, showErrors);
  }

  /** {@link #render(String, Map, BooleanSupplier)} as the page's UTF-8 bytes. */
  public byte[] renderBytes(
      String template, Map<String, Object> model, BooleanSupplier showErrors) {
    return templates.renderBytes(template, model, showErrors);
  }

  /** Renders from the built-in templates alone, whatever the theme holds. */
  public String renderBuiltIn(String template, Map<String, Object> model) {
    return templates.renderBuiltIn(template, model);
  }

  private static Loader<?> builtInLoader() {
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("templates");
    loader.setSuffix(".peb");
    return loader;
  }

  /** {@code asset(name)}: the versioned URL of the static file {@code name}. */
  private static final class AssetFunctions extends AbstractExtension implements Function {
    private final UnaryOperator<String> assetUrl;

    AssetFunctions(UnaryOperator<String> assetUrl) {
      this.assetUrl = assetUrl;
    }

    @Override
    public Map<String, Function> getFunctions() {
      return Map.of("asset", this);
    }

    @Override
    public List<String> getArgumentNames() {
      return List.of("name");
    }

    @Override
    public Object execute(
        Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      return assetUrl.apply(String.valueOf(args.get("name")));
    }
  }
}
