package blog.web.cli;

import blog.core.config.Declaration;
import blog.core.config.SettingsCatalog;
import blog.web.BlogSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The footer of {@code --help}: every setting of the catalog with its key, environment variable,
 * one line of help and default, in columns that fit 100 characters.
 */
final class SettingsHelp implements IModelTransformer {
  private static final int KEY_WIDTH = 22;
  private static final int ENV_WIDTH = 27;
  private static final int DOC_COLUMN = 2 + KEY_WIDTH + ENV_WIDTH;
  private static final int WIDTH = 100;

  @Override
  public CommandSpec transform(CommandSpec spec) {
    spec.usageMessage()
        .footerHeading("%nConfiguration (properties file named by BLOG_CONFIG, or environment):%n")
        .footer(footer(BlogSettings.CATALOG).toArray(String[]::new));
    return spec;
  }

  /** The footer's lines, each a picocli format string (so a per cent sign is doubled). */
  static List<String> footer(SettingsCatalog catalog) {
    List<String> lines = new ArrayList<>();
    for (Declaration d : catalog.declarations()) {
      String key = d.shownKey().equals(Declaration.NO_KEY) ? "" : d.shownKey();
      List<String> doc = wrap(d.doc() + " (default: " + d.defaultText() + ")");
      if (key.length() < KEY_WIDTH && d.envName().length() < ENV_WIDTH) {
        lines.add(trimmed("  " + pad(key, KEY_WIDTH) + pad(d.envName(), ENV_WIDTH) + doc.get(0)));
        doc = doc.subList(1, doc.size());
      } else {
        lines.add(trimmed("  " + key + "  " + d.envName()));
      }
      doc.forEach(line -> lines.add(trimmed(" ".repeat(DOC_COLUMN) + line)));
    }
    lines.add("<p> is a built-in provider, <id> a name of your own (1 to 40 of a-z, 0-9 and -).");
    lines.add("Environment variables win over the file. Site and discussion settings live in the");
    lines.add("database; admins change them at /admin/settings. More in docs/configuration.md.");
    return lines.stream().map(line -> line.replace("%", "%%")).toList();
  }

  private static List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH - DOC_COLUMN) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(1, width - text.length()));
  }

  private static String trimmed(String line) {
    return line.stripTrailing();
  }
}
