package blog.core.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The databases this run of the tests covers, from the system property {@value #PROPERTY} that the
 * build sets per tier: {@code mvn test} runs the repository and HTTP tests on H2, and {@code mvn
 * verify} runs the same classes again on PostgreSQL (docs/testing.md). Unset, as in an IDE, it is
 * every database. The argument source of {@link DatabaseTestBase}, the web tests' base and {@link
 * EachDatabase}; {@link Slow} tests take every database whatever the property says.
 */
public final class TierDatabases implements ArgumentsProvider {
  public static final String PROPERTY = "blog.test.databases";

  /** The kinds named by {@value #PROPERTY}, in {@link DbKind}'s order; all when it is unset. */
  public static List<DbKind> ofThisRun() {
    String value = System.getProperty(PROPERTY, "").trim();
    if (value.isEmpty()) {
      return List.of(DbKind.values());
    }
    List<String> named =
        Arrays.stream(value.split(","))
            .map(s -> s.trim().toUpperCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .toList();
    return Arrays.stream(DbKind.values()).filter(k -> named.contains(k.name())).toList();
  }

  /**
   * Fails a test that asks for PostgreSQL in a run on H2 alone (the fast tier): it belongs to
   * {@code mvn verify}, as a {@link Slow} test or through {@link TierDatabases}.
   */
  static void requirePostgresInThisRun() {
    if (!ofThisRun().contains(DbKind.POSTGRES)) {
      throw new IllegalStateException(
          "This run tests on "
              + ofThisRun()
              + " ("
              + PROPERTY
              + "); a test that needs PostgreSQL runs in mvn verify: mark it @Slow or take its"
              + " database from TierDatabases");
    }
  }

  /** A {@link Slow} test runs only in the second tier, and there on every database. */
  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    boolean slow =
        AnnotationSupport.isAnnotated(context.getElement(), Slow.class)
            || AnnotationSupport.isAnnotated(context.getTestClass(), Slow.class);
    return (slow ? List.of(DbKind.values()) : ofThisRun()).stream().map(Arguments::of);
  }
}
