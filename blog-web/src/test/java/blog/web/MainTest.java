package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  @Test
  void helpListsTheCommandsAndEveryConfigurationKey() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--help"));
    String help = out.toString();
    assertTrue(help.contains("serve"), help);
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
}
