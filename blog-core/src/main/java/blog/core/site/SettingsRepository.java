package blog.core.site;

import blog.core.db.UniqueViolations;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Site settings as name/value pairs. {@link #content()} keeps what it read while the listing
 * version stays the same (settings other than bookkeeping raise it, on any instance) and until this
 * repository writes: pages read the settings several times each, now from memory.
 */
public final class SettingsRepository {
  private record Held(Map<String, String> values, long version, long writes) {}

  private final Jdbi jdbi;
  private final LongSupplier listingVersion;
  private final AtomicLong writes = new AtomicLong();
  private volatile Held held;

  /** Without a version to key on: {@link #content()} reads the database every time. */
  public SettingsRepository(Jdbi jdbi) {
    this(jdbi, null);
  }

  /**
   * @param listingVersion the listing version as this instance has seen it (see
   *     blog.core.change.ContentVersion#currentListing), or null to keep nothing
   */
  public SettingsRepository(Jdbi jdbi, LongSupplier listingVersion) {
    this.jdbi = jdbi;
    this.listingVersion = listingVersion;
  }

  /**
   * The settings readers' pages depend on (site, discussion, providers, media): as {@link #all()},
   * but bookkeeping values (the {@code security.}, {@code notify.} and {@code admin.} names) may be
   * out of date, as they raise no version; read those with {@link #all()}.
   */
  public Map<String, String> content() {
    if (listingVersion == null) {
      return all();
    }
    long version = listingVersion.getAsLong();
    long writesBefore = writes.get();
    Held current = held;
    if (current != null && current.version() == version && current.writes() == writesBefore) {
      return current.values();
    }
    Map<String, String> values = Map.copyOf(all());
    // Kept only if nothing was written here meanwhile: never older values under a newer write.
    if (writes.get() == writesBefore) {
      held = new Held(values, version, writesBefore);
    }
    return values;
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
    writing(
        () -> {
          try {
            store(values);
          } catch (RuntimeException e) {
            if (!UniqueViolations.isUniqueViolation(e)) {
              throw e;
            }
            store(values);
          }
          return null;
        });
  }

  /**
   * Counts a write before it starts and after it ends (committed or not), so {@link #content()}
   * keeps nothing it read while a write was under way.
   */
  private <T> T writing(Supplier<T> write) {
    writes.incrementAndGet();
    try {
      return write.get();
    } finally {
      writes.incrementAndGet();
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
    return writing(() -> insertIfAbsent(name, value));
  }

  private String insertIfAbsent(String name, String value) {
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
    return writing(() -> replace(name, expected, value));
  }

  private boolean replace(String name, String expected, String value) {
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
    return SiteSettings.from(content());
  }
}
