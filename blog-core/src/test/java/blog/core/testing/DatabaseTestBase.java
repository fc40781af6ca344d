package blog.core.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs every test of a subclass twice, against H2 and against PostgreSQL, each time on a fresh
 * migrated database shared by the tests of that run (so tests make their own, unique data).
 * Subclasses build their repositories and shared data in {@link #prepare()}.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TierDatabases.class)
@Tag(EachDatabase.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTestBase {
  @Parameter protected DbKind kind;
  protected TestDatabase db;

  @BeforeParameterizedClassInvocation
  void openDatabase(DbKind kind) {
    this.db = TestDatabase.create(kind);
    prepare();
  }

  @AfterParameterizedClassInvocation
  void closeDatabase() {
    if (db != null) {
      db.close();
      db = null;
    }
  }

  /** Called once per database, after it is created and migrated. */
  protected void prepare() {}
}
