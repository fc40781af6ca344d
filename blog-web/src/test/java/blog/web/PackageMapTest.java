package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's package map agrees with the code: one line per package of the main code,
 * each the sentence of that package's {@code package-info.java}, and no line for a package that is
 * gone.
 */
class PackageMapTest {
  private static final Path ROOT = Path.of("..");
  private static final Path DOC = ROOT.resolve("docs").resolve("architecture.md");
  private static final List<String> MODULES = List.of("blog-core", "blog-migrations", "blog-web");
  private static final Pattern LINE = Pattern.compile("^- `(blog[a-z.]*)` — (.*)$");
  private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

  @Test
  void everyPackageHasItsOwnSentenceInTheMap() throws IOException {
    assertEquals(fromCode(), fromDoc());
  }

  private static Map<String, String> fromDoc() throws IOException {
    Map<String, String> lines = new TreeMap<>();
    for (String line : Files.readAllLines(DOC)) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        lines.put(m.group(1), normal(m.group(2)));
      }
    }
    return lines;
  }

  private static Map<String, String> fromCode() throws IOException {
    Map<String, String> sentences = new TreeMap<>();
    for (String module : MODULES) {
      Path sources = ROOT.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path info : files.filter(f -> f.endsWith("package-info.java")).toList()) {
          String pkg = sources.relativize(info.getParent()).toString().replace('/', '.');
          Matcher doc = JAVADOC.matcher(Files.readString(info));
          sentences.put(pkg, doc.find() ? normal(doc.group(1).replaceAll("\\n\\s*\\*", " ")) : "");
        }
      }
    }
    return sentences;
  }

  /** Whitespace and the markup that differs between Markdown and Javadoc taken out. */
  private static String normal(String text) {
    return text.replaceAll("\\{@code ([^}]*)}", "$1")
        .replaceAll("<[^>]+>", "")
        .replace("`", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
