package blog.core.wxr;

import blog.core.testing.DbKind;
import blog.core.testing.EachDatabase;
import blog.core.testing.TestDatabase;
import blog.core.testing.TierDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a class's tests on H2 and on PostgreSQL, each test on empty blogs of its own: imports are
 * about what an empty (or a given) blog ends up holding.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TierDatabases.class)
@Tag(EachDatabase.TAG)
abstract class FreshDatabases {
  @Parameter DbKind kind;
  private final List<TestDatabase> open = new ArrayList<>();

  /** A new, migrated, empty blog database. */
  WxrKit emptyBlog() {
    TestDatabase db = TestDatabase.create(kind);
    open.add(db);
    return new WxrKit(db);
  }

  WxrKit emptyBlog(WxrLimits limits) {
    TestDatabase db = TestDatabase.create(kind);
    open.add(db);
    return new WxrKit(db, limits);
  }

  @AfterEach
  void closeDatabases() {
    open.forEach(TestDatabase::close);
    open.clear();
  }
}
