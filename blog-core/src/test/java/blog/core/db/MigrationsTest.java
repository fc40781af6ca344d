package blog.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.DbKind;
import blog.core.testing.EachDatabase;
import blog.core.testing.Slow;
import blog.core.testing.TestDatabase;
import blog.migrations.Migrations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MigrationsTest {
  @EachDatabase
  void migratingAgainChangesNothing(DbKind kind) {
    try (TestDatabase db = TestDatabase.createEmpty(kind)) {
      assertFalse(Migrations.upToDate(db.database().dataSource()));
      int first = Migrations.migrate(db.database().dataSource());
      assertTrue(first >= 2, "the baseline's two parts at least");
      assertEquals(0, Migrations.migrate(db.database().dataSource()));
      assertTrue(Migrations.upToDate(db.database().dataSource()));
    }
  }

  /**
   * Several instances share one database only on PostgreSQL (the embedded H2 file database is
   * opened by a single process), so that is where Flyway's lock has to hold.
   */
  @Test
  @Slow
  void twoInstancesMigratingAtOnceApplyEachMigrationOnce() throws Exception {
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.POSTGRES);
        Database second = Database.open(db.settings())) {
      int expected;
      try (TestDatabase reference = TestDatabase.createEmpty(DbKind.H2)) {
        expected = Migrations.migrate(reference.database().dataSource());
      }
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> runs = new ArrayList<>();
        for (Database instance : List.of(db.database(), second)) {
          runs.add(
              pool.submit(
                  () -> {
                    start.await();
                    return Migrations.migrate(instance.dataSource());
                  }));
        }
        int applied = 0;
        for (Future<Integer> run : runs) {
          applied += run.get();
        }
        assertEquals(expected, applied, "each migration ran exactly once in total");
      } finally {
        pool.shutdownNow();
      }
      long rows =
          db.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")
                          .mapTo(Long.class)
                          .one());
      assertEquals(expected, rows);
    }
  }
}
