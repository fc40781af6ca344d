package blog.web;

import blog.core.comment.FieldError;
import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.identity.User;
import blog.core.login.StaffAccounts;
import blog.migrations.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar blog.jar reset-password NAME}: sets a new password for a staff account (admin or
 * author), read from standard input as {@code create-admin} reads it, and turns that account's
 * password on if it was turned off: the way back in for someone who lost their passkeys when no
 * other admin can help. Their passkeys stay.
 */
@Command(
    name = "reset-password",
    mixinStandardHelpOptions = true,
    description =
        "Set a new password for a staff account (and turn its password on); the password is read"
            + " from standard input.")
final class ResetPasswordCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "the username of the account")
  String username;

  @Spec CommandSpec spec;

  private final Supplier<Config> config;
  private final InputStream stdin;

  ResetPasswordCommand() {
    this(Config::fromEnvironment, System.in);
  }

  /** For tests: a given configuration and standard input. */
  ResetPasswordCommand(Supplier<Config> config, InputStream stdin) {
    this.config = config;
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Database database = Database.open(DatabaseSettings.from(config.get()))) {
      Migrations.migrate(database.dataSource());
      StaffAccounts accounts = CreateAdminCommand.accounts(database);
      Optional<User> user = accounts.find(username);
      if (user.isEmpty()) {
        err.println("blog: no staff account is called '" + username + "'");
        return 1;
      }
      String password = CreateAdminCommand.readPassword(out, err, stdin);
      if (password == null) {
        return 1;
      }
      Optional<FieldError> problem = accounts.setPassword(user.get().id(), password);
      if (problem.isPresent()) {
        err.println("blog: password: " + problem.get().message());
        return 1;
      }
      out.println(
          "The password of " + user.get().username() + " is set, and on; their passkeys stay.");
      return 0;
    }
  }
}
