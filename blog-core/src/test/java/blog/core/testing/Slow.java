package blog.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class or method that runs only in {@code mvn verify}, on every database it names, not in
 * the fast {@code mvn test}: real child processes, several instances, crash and outage drills, and
 * tests that need PostgreSQL itself (docs/testing.md). The browser journeys ({@code blog.web.e2e})
 * are in that tier by their package.
 *
 * <p>A slow test that takes its database from {@link TierDatabases} ({@link EachDatabase}, or a
 * slow subclass of a per-database base class) runs on every database. Mark a whole class rather
 * than one method of a per-database class: that method would run on PostgreSQL alone.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(Slow.TAG)
public @interface Slow {
  String TAG = "slow";
}
