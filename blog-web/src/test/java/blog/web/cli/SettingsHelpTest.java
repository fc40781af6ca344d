package blog.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Declaration;
import blog.web.BlogSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help's list of settings is the catalog's: every name, its help line and its default. */
class SettingsHelpTest {
  @Test
  void helpListsEverySettingWithItsVariableHelpAndDefault() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--help"));
    String help = out.toString();
    String flowing = help.replaceAll("\\s+", " ");
    for (Declaration d : BlogSettings.CATALOG.declarations()) {
      String names =
          d.shownKey().equals(Declaration.NO_KEY) ? d.envName() : d.shownKey() + " " + d.envName();
      assertTrue(flowing.contains(" " + names + " "), names + " missing from:\n" + help);
      String line = d.doc() + " (default: " + d.defaultText() + ")";
      assertTrue(flowing.contains(line.replaceAll("\\s+", " ")), line + " missing from:\n" + help);
    }
    help.lines().forEach(line -> assertTrue(line.length() <= 100, "too wide: " + line));
  }
}
