package blog.web;

import blog.core.comment.FieldError;
import blog.core.config.Config;
import blog.core.identity.User;
import blog.core.login.StaffAccounts;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar blog.jar reset-password NAME}: sets a new password for a staff account (admin or
 * author), read from standard input as {@code create-admin} reads it ({@link
 * StaffPasswordCommand}), and turns that account's password on if it was turned off: the way back
 * in for someone who lost their passkeys when no other admin can help. Their passkeys stay.
 */
@Command(
    name = "reset-password",
    mixinStandardHelpOptions = true,
    description =
        "Set a new password for a staff account (and turn its password on); the password is read"
            + " from standard input.")
final class ResetPasswordCommand extends StaffPasswordCommand {
  @Parameters(index = "0", description = "the username of the account")
  String username;

  ResetPasswordCommand() {
    this(Config::fromEnvironment, System.in);
  }

  /** For tests: a given configuration and standard input. */
  ResetPasswordCommand(Supplier<Config> config, InputStream stdin) {
    super(config, stdin);
  }

  @Override
  int run(StaffAccounts accounts, String password, PrintWriter out, PrintWriter err) {
    Optional<User> user = accounts.find(username);
    if (user.isEmpty()) {
      err.println("blog: no staff account is called '" + username + "'");
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
