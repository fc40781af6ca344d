package blog.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A test method run once per database of this run, given its {@link DbKind}: on H2 in {@code mvn
 * test}, on PostgreSQL in {@code mvn verify} ({@link TierDatabases}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@ArgumentsSource(TierDatabases.class)
@Tag(EachDatabase.TAG)
public @interface EachDatabase {
  /** The tag of every test that runs per database; the build selects the PostgreSQL runs by it. */
  String TAG = "each-database";
}
