package blog.web;

import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.identity.Passwords;
import blog.core.identity.UserRepository;
import blog.core.login.StaffAccounts;
import blog.core.security.SiteSecret;
import blog.core.site.SettingsRepository;
import blog.migrations.Migrations;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that gives a staff account a password ({@code create-admin}, {@code reset-password}):
 * the password is read from standard input (typed twice, hidden, on a terminal; one line when
 * piped), never from the command line, where other users of the machine could see it; then the
 * database is opened and migrated as the server does.
 */
abstract class StaffPasswordCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Supplier<Config> config;
  private final InputStream stdin;

  StaffPasswordCommand(Supplier<Config> config, InputStream stdin) {
    this.config = config;
    this.stdin = stdin;
  }

  /** What the command does with the password read, over the staff accounts; its exit code. */
  abstract int run(StaffAccounts accounts, String password, PrintWriter out, PrintWriter err);

  @Override
  public final Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String password = readPassword(out, err, stdin);
    if (password == null) {
      return 1;
    }
    try (Database database = Database.open(DatabaseSettings.from(config.get()))) {
      Migrations.migrate(database.dataSource());
      return run(accounts(database), password, out, err);
    }
  }

  /** Staff accounts over the command's database, as the server builds them. */
  private static StaffAccounts accounts(Database database) {
    var settings = new SettingsRepository(database.jdbi());
    return new StaffAccounts(
        new UserRepository(database.jdbi()),
        new Passwords(),
        settings,
        SiteSecret.signer(settings, new SecureRandom()),
        Clock.systemUTC());
  }

  /**
   * A new password: typed twice, hidden, on a terminal; one line when piped. Null (and said why on
   * {@code err}) when there is none.
   */
  private static String readPassword(PrintWriter out, PrintWriter err, InputStream stdin)
      throws IOException {
    Console console = System.console();
    if (console != null && stdin == System.in) {
      char[] first = console.readPassword("Password: ");
      char[] second = console.readPassword("Password again: ");
      if (first == null || second == null || !new String(first).equals(new String(second))) {
        err.println("blog: the passwords differ");
        return null;
      }
      return new String(first);
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || line.isEmpty()) {
      err.println("blog: no password on standard input");
      return null;
    }
    out.flush();
    return line;
  }
}
