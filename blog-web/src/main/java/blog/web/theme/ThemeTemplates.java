package blog.web.theme;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two template engines: the built-in templates alone, compiled once; and the theme's templates in
 * front of them (a file loader, then the classpath, so {@code extends} and {@code include} find a
 * theme's file first). The themed engine is built afresh for each {@link ThemeFolder#version()},
 * which is how an edited theme file shows on the next request while built-in templates stay
 * compiled. A page the theme breaks is rendered from the built-in templates; the error is logged
 * once per version of the theme, and staff are shown it ({@link BrokenTemplateException}).
 */
public final class ThemeTemplates {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeTemplates.class);

  /** The themed engine for one version of the theme, and the errors already logged for it. */
  private record Themed(long version, PebbleEngine engine, Set<String> logged) {}

  private final ThemeFolder theme;
  private final Supplier<Loader<?>> builtInLoader;
  private final Function<Loader<?>, PebbleEngine> engines;
  private final PebbleEngine builtIn;
  private final AtomicReference<Themed> themed = new AtomicReference<>();

  /**
   * {@code builtInLoader}: a new loader of the built-in templates; {@code engines}: an engine with
   * the blog's options (escaping, strictness, functions) over a loader.
   */
  public ThemeTemplates(
      ThemeFolder theme,
      Supplier<Loader<?>> builtInLoader,
      Function<Loader<?>, PebbleEngine> engines) {
    this.theme = theme;
    this.builtInLoader = builtInLoader;
    this.engines = engines;
    this.builtIn = engines.apply(builtInLoader.get());
  }

  /**
   * {@code template} with the theme's templates in front; if they fail, from the built-in ones —
   * or, when {@code showErrors} says so (a staff member), a {@link BrokenTemplateException}.
   */
  public String render(String template, Map<String, Object> model, BooleanSupplier showErrors) {
    return render(template, model, showErrors, Text::new, Text::toString);
  }

  /**
   * {@link #render(String, Map, BooleanSupplier)} as the page's UTF-8 bytes, written as they are
   * made and with {@link KeptHtml} copied in: for a page that goes out as it is.
   */
  public byte[] renderBytes(
      String template, Map<String, Object> model, BooleanSupplier showErrors) {
    return render(template, model, showErrors, PageBytes::new, PageBytes::toBytes);
  }

  private <W extends Writer, T> T render(
      String template,
      Map<String, Object> model,
      BooleanSupplier showErrors,
      Supplier<W> writer,
      Function<W, T> written) {
    if (!theme.present()) {
      return written.apply(evaluate(builtIn, template, model, writer.get()));
    }
    Themed current = current();
    try {
      return written.apply(evaluate(current.engine(), template, model, writer.get()));
    } catch (RuntimeException e) {
      // Rendered first: if the built-in templates fail as well, the fault is not the theme's.
      T fallback = written.apply(evaluate(builtIn, template, model, writer.get()));
      TemplateError error = TemplateError.of(e, template, theme);
      if (current.logged().add(error.describe())) {
        LOG.warn("Theme template failed, readers get the built-in page: {}", error.describe());
      }
      if (showErrors.getAsBoolean()) {
        throw new BrokenTemplateException(error, e);
      }
      return fallback;
    }
  }

  /** {@code template} from the built-in templates only, e.g. the page explaining a theme error. */
  public String renderBuiltIn(String template, Map<String, Object> model) {
    return evaluate(builtIn, template, model, new Text()).toString();
  }

  private Themed current() {
    long version = theme.version();
    Themed known = themed.get();
    if (known != null && known.version() == version) {
      return known;
    }
    Themed fresh = new Themed(version, themedEngine(), ConcurrentHashMap.newKeySet());
    themed.set(fresh);
    return fresh;
  }

  private PebbleEngine themedEngine() {
    Path templates = theme.templates();
    if (!Files.isDirectory(templates)) {
      return builtIn;
    }
    FileLoader files = new FileLoader(templates.toString());
    files.setSuffix(".peb");
    return engines.apply(new DelegatingLoader(List.of(files, builtInLoader.get())));
  }

  private static <W extends Writer> W evaluate(
      PebbleEngine engine, String template, Map<String, Object> model, W out) {
    try {
      engine.getTemplate(template).evaluate(out, model, Locale.ENGLISH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * A page as it is written: a {@link StringWriter} without its lock (its buffer is a StringBuffer,
   * locked for every piece of every page) and with room for a page from the start.
   */
  private static final class Text extends Writer {
    private final StringBuilder text = new StringBuilder(16_384);

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void write(String s) {
      text.append(s);
    }

    @Override
    public void write(String s, int offset, int length) {
      text.append(s, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence s) {
      text.append(s);
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
