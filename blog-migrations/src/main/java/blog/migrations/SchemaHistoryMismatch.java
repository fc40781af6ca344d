package blog.migrations;

/**
 * The database's migration history is not one this version can continue: a migration it applied was
 * changed since, or it was made before the baseline. The message is complete in itself (what was
 * found and what to do); Flyway's own report, if any, is kept as a suppressed exception.
 */
public final class SchemaHistoryMismatch extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  SchemaHistoryMismatch(String message, Exception flywayReport) {
    super(message);
    if (flywayReport != null) {
      addSuppressed(flywayReport);
    }
  }
}
