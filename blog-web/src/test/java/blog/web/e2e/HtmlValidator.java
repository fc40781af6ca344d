package blog.web.e2e;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the engine behind validator.w3.org/nu), run in this JVM. It brings Jetty 11
 * and other old libraries that would clash with Javalin's Jetty 12, so the module
 * blog-html-validator resolves it and writes its class path to a file, and it is loaded here in a
 * class loader of its own whose parent is the platform loader: it sees none of the blog's classes
 * and the blog sees none of its. The two sides share only JDK types (SAX's {@link ErrorHandler} and
 * {@link InputSource}), so the calls go through reflection.
 */
final class HtmlValidator {
  private static final String CLASSPATH_PROPERTY = "blog.test.validator-classpath";
  private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";
  private static HtmlValidator instance;

  private final Object validator;
  private final Method check;
  private final Collector collector = new Collector();

  private HtmlValidator() throws ReflectiveOperationException {
    ClassLoader loader =
        new URLClassLoader(
            "nu-validator", classPath().toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Class<?> type = loader.loadClass("nu.validator.validation.SimpleDocumentValidator");
    // (initialise log4j quietly, no external entities, no language detection)
    validator =
        type.getConstructor(boolean.class, boolean.class, boolean.class)
            .newInstance(true, false, false);
    type.getMethod("setUpMainSchema", String.class, ErrorHandler.class)
        .invoke(validator, SCHEMA, collector);
    type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
        .invoke(validator, collector, false, false);
    check = type.getMethod("checkHtmlInputSource", InputSource.class);
    if (!collector.errors.isEmpty()) {
      throw new IllegalStateException("the checker did not start: " + collector.errors);
    }
  }

  /** The one checker of this test run (setting it up takes about a second). */
  static synchronized HtmlValidator get() {
    if (instance == null) {
      try {
        instance = new HtmlValidator();
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("the Nu Html Checker did not start", e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the Nu Html Checker did not start", e);
      }
    }
    return instance;
  }

  /** The checker's errors for a document, each with its line; empty when it is valid. */
  synchronized List<String> errors(String html, String url) {
    collector.errors.clear();
    InputSource source = new InputSource(new StringReader(html));
    source.setSystemId(url);
    source.setEncoding("UTF-8");
    try {
      check.invoke(validator, source);
    } catch (InvocationTargetException e) {
      collector.errors.add("the checker stopped: " + e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(collector.errors);
  }

  private static List<URL> classPath() {
    String file = System.getProperty(CLASSPATH_PROPERTY);
    if (file == null || !Files.isRegularFile(Path.of(file))) {
      throw new IllegalStateException(
          "No class path for the Nu Html Checker at "
              + file
              + " (system property "
              + CLASSPATH_PROPERTY
              + "): build from the project root, e.g. mvn verify, or mvn -pl blog-web -am test");
    }
    try {
      List<URL> urls = new ArrayList<>();
      for (String entry :
          Files.readString(Path.of(file)).trim().split(java.io.File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      return urls;
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps errors; warnings (advice, not failures) are dropped. */
  private static final class Collector implements ErrorHandler {
    final List<String> errors = new ArrayList<>();

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) {
      errors.add(describe(e));
    }

    @Override
    public void fatalError(SAXParseException e) {
      errors.add(describe(e));
    }

    private static String describe(SAXParseException e) {
      return "line "
          + e.getLineNumber()
          + ", column "
          + e.getColumnNumber()
          + ": "
          + e.getMessage();
    }
  }
}
