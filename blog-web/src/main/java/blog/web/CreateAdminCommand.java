package blog.web;

import blog.core.comment.FieldError;
import blog.core.config.Config;
import blog.core.identity.Role;
import blog.core.login.StaffAccounts;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar blog.jar create-admin NAME}: creates an administrator, with the password read
 * from standard input ({@link StaffPasswordCommand}).
 */
@Command(
    name = "create-admin",
    mixinStandardHelpOptions = true,
    description = "Create an administrator; the password is read from standard input.")
final class CreateAdminCommand extends StaffPasswordCommand {
  @Parameters(index = "0", description = "the username to log in with")
  String username;

  @Option(names = "--name", description = "the name shown on posts (default: the username)")
  String displayName;

  CreateAdminCommand() {
    this(Config::fromEnvironment, System.in);
  }

  /** For tests: a given configuration and standard input. */
  CreateAdminCommand(Supplier<Config> config, InputStream stdin) {
    super(config, stdin);
  }

  @Override
  int run(StaffAccounts accounts, String password, PrintWriter out, PrintWriter err) {
    StaffAccounts.Created created = accounts.create(username, displayName, password, Role.ADMIN);
    if (created.user().isEmpty()) {
      for (FieldError e : created.errors()) {
        err.println("blog: " + e.field() + ": " + e.message());
      }
      return 1;
    }
    out.println("Created administrator " + created.user().get().username() + ".");
    return 0;
  }
}
