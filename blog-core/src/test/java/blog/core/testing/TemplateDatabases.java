package blog.core.testing;

import blog.core.db.Database;
import blog.migrations.Migrations;
import java.util.List;

/**
 * The migrations, run once per test JVM into a template that every {@link TestDatabase#create}
 * copies: for H2 the template's {@code SCRIPT} (its tables, indexes, triggers, sequences and rows,
 * Flyway's history among them), replayed into each new in-memory database; for PostgreSQL a
 * template database, copied by {@code CREATE DATABASE ... TEMPLATE}. A copy starts exactly as a
 * freshly migrated database (TemplateDatabasesTest compares them); the blog's start-up finds its
 * history at the latest migration and leaves Flyway alone.
 */
final class TemplateDatabases {
  private static List<String> h2Script;
  private static String postgres;

  private TemplateDatabases() {}

  /** The statements that rebuild a migrated H2 database. */
  static synchronized List<String> h2Script() {
    if (h2Script == null) {
      try (Database template =
          Database.open(TestDatabase.h2Settings("template" + TestDatabase.randomHex()))) {
        Migrations.migrate(template.dataSource());
        h2Script =
            List.copyOf(
                template
                    .jdbi()
                    .withHandle(
                        h ->
                            h.createQuery("SCRIPT NOPASSWORDS NOSETTINGS")
                                .mapTo(String.class)
                                .list()));
        template.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
      }
    }
    return h2Script;
  }

  /** The name of a migrated PostgreSQL database to copy; dropped when the JVM exits. */
  static synchronized String postgres() {
    if (postgres == null) {
      String name = "tpl_" + TestDatabase.randomHex();
      TestDatabase.createPostgresDatabase(name, null);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> TestDatabase.dropPostgresDatabase(name), "drop " + name));
      // A template must have no sessions left when it is copied: the pool is closed first.
      try (Database template = Database.open(TestDatabase.pgSettings(name, 2))) {
        Migrations.migrate(template.dataSource());
      }
      postgres = name;
    }
    return postgres;
  }
}
