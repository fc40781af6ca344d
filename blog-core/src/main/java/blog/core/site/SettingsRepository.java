package blog.core.site;

import blog.core.db.UniqueViolations;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Site settings as name/value pairs. */
public final class SettingsRepository {
  private final Jdbi jdbi;

  public SettingsRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Map<String, String> all() {
    return jdbi.withHandle(
        h ->
            h
                .createQuery("SELECT name, setting_value FROM settings")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("setting_value")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  /**
   * Stores all given values in one transaction, replacing earlier ones. When another instance
   * inserts one of the names first, the transaction is tried once more, now as updates.
   */
  public void putAll(Map<String, String> values) {
    try {
      store(values);
    } catch (RuntimeException e) {
      if (!UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      store(values);
    }
  }

  private void store(Map<String, String> values) {
    jdbi.useTransaction(
        h -> {
          for (Map.Entry<String, String> e : values.entrySet()) {
            int updated =
                h.createUpdate("UPDATE settings SET setting_value = :value WHERE name = :name")
                    .bind("name", e.getKey())
                    .bind("value", e.getValue())
                    .execute();
            if (updated == 0) {
              h.createUpdate("INSERT INTO settings (name, setting_value) VALUES (:name, :value)")
                  .bind("name", e.getKey())
                  .bind("value", e.getValue())
                  .execute();
            }
          }
        });
  }

  /**
   * Stores {@code value} under {@code name} unless a value is there already, and returns the value
   * that is stored now. Two instances racing here agree on one value (the primary key decides).
   */
  public String putIfAbsent(String name, String value) {
    return jdbi.withHandle(
        h -> {
          try {
            h.createUpdate("INSERT INTO settings (name, setting_value) VALUES (:name, :value)")
                .bind("name", name)
                .bind("value", value)
                .execute();
          } catch (UnableToExecuteStatementException e) {
            if (!UniqueViolations.isUniqueViolation(e)) {
              throw e;
            }
          }
          return h.createQuery("SELECT setting_value FROM settings WHERE name = :name")
              .bind("name", name)
              .mapTo(String.class)
              .one();
        });
  }

  /**
   * Replaces {@code expected} by {@code value} only if it is still stored: of several instances
   * racing, exactly one succeeds.
   */
  public boolean compareAndSet(String name, String expected, String value) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE settings SET setting_value = :value"
                            + " WHERE name = :name AND setting_value = :expected")
                    .bind("name", name)
                    .bind("expected", expected)
                    .bind("value", value)
                    .execute()
                == 1);
  }

  public SiteSettings site() {
    return SiteSettings.from(all());
  }
}
