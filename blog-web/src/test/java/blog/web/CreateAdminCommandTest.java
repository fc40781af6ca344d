package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CreateAdminCommandTest {
  @Test
  void createsAnAdministratorWithThePasswordFromStandardInput() {
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.H2)) {
      Config config =
          Config.of(
              Map.of(
                  "db.url", db.settings().url(),
                  "db.user", db.settings().user(),
                  "db.password", db.settings().password()));
      assertEquals(0, run(config, "a long enough passphrase\n", "chief"));
      var user = new UserRepository(db.database().jdbi()).findByUsername("chief").orElseThrow();
      assertEquals(Role.ADMIN, user.role());

      StringWriter err = new StringWriter();
      assertEquals(1, run(config, "password123\n", "second", err));
      assertTrue(err.toString().contains("most common"), err.toString());
    }
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
