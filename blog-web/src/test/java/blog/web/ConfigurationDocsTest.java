package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Declaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md agrees with the catalog of settings: each setting is a row of one of its
 * "key | environment | default | meaning" tables, with its variable and its default, and the tables
 * name no setting the catalog lacks.
 */
class ConfigurationDocsTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final String HEADER = "| key | environment | default | meaning |";

  /** One row of a settings table, backticks taken out. */
  private record Row(String key, String env, String defaultText) {
    String name() {
      return key.equals(Declaration.NO_KEY) ? env : key;
    }
  }

  @Test
  void everySettingIsDocumentedWithItsVariableAndDefault() throws IOException {
    Map<String, Row> rows = rowsByName();
    for (Declaration d : BlogSettings.CATALOG.declarations()) {
      String name = d.shownKey().equals(Declaration.NO_KEY) ? d.envName() : d.shownKey();
      Row row = rows.get(name);
      assertTrue(row != null, name + " has no row in " + DOC);
      assertEquals(d.envName(), row.env(), name + ": environment column");
      assertTrue(
          row.defaultText().startsWith(d.defaultText()),
          name + ": default column '" + row.defaultText() + "' should say " + d.defaultText());
    }
  }

  @Test
  void theDocumentNamesNoSettingTheCatalogLacks() throws IOException {
    Set<String> declared =
        BlogSettings.CATALOG.declarations().stream()
            .map(d -> d.shownKey().equals(Declaration.NO_KEY) ? d.envName() : d.shownKey())
            .collect(Collectors.toSet());
    Set<String> unknown =
        rowsByName().keySet().stream()
            .filter(name -> !declared.contains(name))
            .collect(Collectors.toSet());
    assertEquals(Set.of(), unknown, "documented in " + DOC + " but not declared");
  }

  private static Map<String, Row> rowsByName() throws IOException {
    Map<String, Row> rows = new HashMap<>();
    for (Row row : rows(Files.readAllLines(DOC))) {
      assertFalse(rows.containsKey(row.name()), row.name() + " has two rows");
      rows.put(row.name(), row);
    }
    assertFalse(rows.isEmpty(), "no settings table in " + DOC);
    return rows;
  }

  /** The rows of every table whose header is {@link #HEADER}. */
  private static List<Row> rows(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.equals(HEADER)) {
        inTable = true;
      } else if (!trimmed.startsWith("|")) {
        inTable = false;
      } else if (inTable && !trimmed.startsWith("|---")) {
        List<String> cells =
            Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|"))
                .map(cell -> cell.replace("`", "").strip())
                .toList();
        rows.add(new Row(cells.get(0), cells.get(1), cells.get(2)));
      }
    }
    return rows;
  }
}
