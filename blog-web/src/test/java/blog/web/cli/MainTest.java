package blog.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  /** Every command the jar offers; a new one belongs here and in the help. */
  private static final List<String> COMMANDS =
      List.of(
          "serve",
          "create-admin",
          "generate",
          "import-wxr",
          "export-wxr",
          "backup",
          "restore",
          "help");

  @Test
  void helpListsTheCommandsAndEveryConfigurationKey() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--help"));
    String help = out.toString();
    for (String command : COMMANDS) {
      assertTrue(
          help.lines().anyMatch(line -> line.strip().startsWith(command + " ")),
          command + " is not listed in:\n" + help);
    }
    for (String key :
        new String[] {
          "BLOG_PORT",
          "BLOG_BASE_URL",
          "BLOG_DB_URL",
          "BLOG_DB_USER",
          "BLOG_DB_PASSWORD",
          "BLOG_METRICS_PORT",
          "BLOG_METRICS_HOST",
          "BLOG_LOG_FORMAT",
          "BLOG_CONFIG"
        }) {
      assertTrue(help.contains(key), key + " missing from:\n" + help);
    }
  }

  @Test
  void everyCommandAnswersHelpThroughMain() {
    for (String command : COMMANDS) {
      if (command.equals("help")) {
        continue;
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new Main());
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      assertEquals(0, cli.execute(command, "--help"), command + ": " + err);
      String help = out.toString();
      assertTrue(help.startsWith("Usage: blog.jar " + command), command + ":\n" + help);
      assertTrue(help.contains("-h, --help"), command + ":\n" + help);
      assertEquals("", err.toString(), command);
    }
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("help", "import-wxr"));
    assertTrue(out.toString().startsWith("Usage: blog.jar import-wxr"), out.toString());
  }
}
