package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.identity.Passwords;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.login.LoginThrottleRepository;
import blog.core.login.StaffLogin;
import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CreateAdminCommandTest {
  @Test
  void createsAnAdministratorWithThePasswordFromStandardInput() {
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.H2)) {
      Config config = configFor(db);
      assertEquals(0, run(config, "a long enough passphrase\n", "chief"));
      var user = new UserRepository(db.database().jdbi()).findByUsername("chief").orElseThrow();
      assertEquals(Role.ADMIN, user.role());

      StringWriter err = new StringWriter();
      assertEquals(1, run(config, "password123\n", "second", err));
      assertTrue(err.toString().contains("most common"), err.toString());
    }
  }

  @Test
  void resetPasswordSetsANewOneAndTurnsItOnAgain() {
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.H2)) {
      Config config = configFor(db);
      assertEquals(0, run(config, "a long enough passphrase\n", "chief"));
      var jdbi = db.database().jdbi();
      var users = new UserRepository(jdbi);
      long id = users.findByUsername("chief").orElseThrow().id();
      jdbi.useHandle(h -> h.execute("UPDATE users SET password_off = TRUE WHERE id = ?", id));
      var login =
          new StaffLogin(
              users, new Passwords(), new LoginThrottleRepository(jdbi), Clock.systemUTC());
      assertInstanceOf(
          StaffLogin.Result.Refused.class,
          login.logIn("chief", "a long enough passphrase", "10.0.0.1"),
          "password off");

      StringWriter err = new StringWriter();
      assertEquals(1, reset(config, "another passphrase\n", "nobody", err));
      assertTrue(err.toString().contains("no staff account"), err.toString());
      assertEquals(0, reset(config, "another passphrase\n", "Chief", new StringWriter()));
      assertFalse(users.passwordOff(id));
      assertInstanceOf(
          StaffLogin.Result.LoggedIn.class, login.logIn("chief", "another passphrase", "10.0.0.1"));
    }
  }

  private static Config configFor(TestDatabase db) {
    return Config.of(
        Map.of(
            "db.url", db.settings().url(),
            "db.user", db.settings().user(),
            "db.password", db.settings().password()));
  }

  private static int reset(Config config, String stdin, String username, StringWriter err) {
    CommandLine cli =
        new CommandLine(
            new ResetPasswordCommand(
                () -> config, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(username);
  }

  private static int run(Config config, String stdin, String username) {
    return run(config, stdin, username, new StringWriter());
  }

  private static int run(Config config, String stdin, String username, StringWriter err) {
    CommandLine cli =
        new CommandLine(
            new CreateAdminCommand(
                () -> config, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(username);
  }
}
