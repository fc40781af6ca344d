package blog.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Backs up and restores an H2 database as one SQL script ({@code SCRIPT TO}, {@code RUNSCRIPT}):
 * schema, data, identity counters and the migration history, so a restored blog starts where the
 * backed-up one stopped. A restore goes only into an empty database. PostgreSQL has better tools of
 * its own ({@code pg_dump}, {@code pg_restore}); for it this class says which commands to run.
 */
public final class DatabaseBackup {
  private final DataSource dataSource;
  private final DatabaseSettings settings;

  public DatabaseBackup(DataSource dataSource, DatabaseSettings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
  }

  /** Why a backup or restore was not done; the message says what to do instead. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /**
   * Writes the whole database to {@code file} as SQL (H2 only). The script is written beside it
   * first ({@code FILE.partial}), closed with a line that names its length and SHA-256, flushed to
   * the disk and only then renamed to {@code file}: a backup cut off by a crash is never taken for
   * a complete one, by the name it has or by {@link #restore}.
   */
  public void backup(Path file) {
    requireH2("backup", file);
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try {
      Files.deleteIfExists(partial);
      execute("SCRIPT TO " + literal(partial) + " CHARSET 'UTF-8'");
      BackupSeal.seal(partial);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the backup " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a backup's script into this database, which must be empty (H2 only). The caller migrates
   * afterwards, which brings a backup of an older blog up to date.
   */
  public void restore(Path file) {
    requireH2("restore", file);
    if (!Files.isRegularFile(file)) {
      throw new Refused("There is no backup file " + file + ".");
    }
    if (!BackupSeal.isSealed(file)) {
      throw new Refused(
          "The backup "
              + file
              + " is incomplete: it does not end with the line a finished backup ends with, or"
              + " its contents do not match that line (it was probably cut off while being"
              + " written or copied). Nothing was restored; use an earlier backup.");
    }
    int tables = tableCount();
    if (tables > 0) {
      throw new Refused(
          "The database at "
              + settings.url()
              + " is not empty (it has "
              + tables
              + " tables). Restore only into an empty database: point db.url (BLOG_DB_URL) at a"
              + " new database file.");
    }
    execute("RUNSCRIPT FROM " + literal(file) + " CHARSET 'UTF-8'");
  }

  /** How many tables the database's current schema holds. */
  public int tableCount() {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.getMetaData()
                .getTables(null, c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look at the database: " + e.getMessage(), e);
    }
  }

  private void requireH2(String what, Path file) {
    if (settings.isPostgres()) {
      throw new Refused(postgresAdvice(what, file.toString()));
    }
    if (!settings.url().startsWith("jdbc:h2:")) {
      throw new Refused("Only H2 databases can be backed up here; this one is " + settings.url());
    }
  }

  /** The pg_dump and pg_restore commands for this blog's PostgreSQL database. */
  public String postgresAdvice(String what, String file) {
    Path path = Path.of(file);
    return "This blog's database is PostgreSQL, whose own tools do the "
        + what
        + " better than the blog could; the blog does not do it itself. Back up with\n  "
        + shell(pgDumpCommand(path))
        + "\nand restore into a new, empty database with\n  "
        + shell(pgRestoreCommand("<new database>", path))
        + "\n(the password is asked for, or taken from PGPASSWORD or ~/.pgpass).";
  }

  /**
   * {@code pg_dump} of this blog's database (only its schema when the URL names one with {@code
   * currentSchema}) into {@code file}, in pg_dump's custom format.
   */
  public List<String> pgDumpCommand(Path file) {
    List<String> command =
        new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + file));
    PgTarget target = pgTarget();
    command.addAll(target.options());
    if (target.schema() != null) {
      command.add("--schema=" + target.schema());
    }
    command.add(target.database());
    return command;
  }

  /** {@code pg_restore} of {@code file} into {@code database}, a new one on the same server. */
  public List<String> pgRestoreCommand(String database, Path file) {
    List<String> command = new ArrayList<>(List.of("pg_restore", "--no-owner", "--exit-on-error"));
    command.addAll(pgTarget().options());
    command.add("--dbname=" + database);
    command.add(file.toString());
    return command;
  }

  private record PgTarget(List<String> options, String database, @Nullable String schema) {}

  private PgTarget pgTarget() {
    String url = settings.url().substring("jdbc:".length());
    List<String> options = new ArrayList<>();
    try {
      URI uri = URI.create(url);
      if (uri.getHost() != null) {
        options.add("--host=" + uri.getHost());
      }
      if (uri.getPort() > 0) {
        options.add("--port=" + uri.getPort());
      }
      if (!settings.user().isEmpty()) {
        options.add("--username=" + settings.user());
      }
      String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
      @Nullable String schema = null;
      if (uri.getQuery() != null) {
        for (String parameter : uri.getQuery().split("&")) {
          if (parameter.startsWith("currentSchema=")) {
            schema = parameter.substring("currentSchema=".length());
          }
        }
      }
      return new PgTarget(options, path.isEmpty() ? "<database>" : path, schema);
    } catch (IllegalArgumentException e) {
      return new PgTarget(
          List.of("<connection options for " + settings.url() + ">"), "<database>", null);
    }
  }

  /** A command as one would type it in a POSIX shell; {@code <placeholders>} stay as they are. */
  private static String shell(List<String> command) {
    StringJoiner line = new StringJoiner(" ");
    for (String arg : command) {
      line.add(
          arg.matches("[A-Za-z0-9._/=:@,+-]+") || arg.contains("<")
              ? arg
              : "'" + arg.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }

  private void execute(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static String literal(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
