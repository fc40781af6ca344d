package blog.core.editor;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * A line-based unified diff of two texts (three lines of context), as typed lines so a page can
 * colour them, or as the usual text. Empty when the texts have the same lines.
 */
public record TextDiff(List<Line> lines) {
  static final int CONTEXT = 3;

  public enum Kind {
    /** "--- old" and "+++ new". */
    HEADER,
    /** "@@ -1,3 +1,4 @@": where the following lines are. */
    HUNK,
    CONTEXT,
    ADDED,
    REMOVED
  }

  /** One line of the diff; {@code text} is without its leading marker character. */
  public record Line(Kind kind, String text) {
    String unified() {
      return switch (kind) {
        case HEADER, HUNK -> text;
        case CONTEXT -> " " + text;
        case ADDED -> "+" + text;
        case REMOVED -> "-" + text;
      };
    }
  }

  public TextDiff {
    lines = List.copyOf(lines);
  }

  /** The changes that turn {@code original} (labelled {@code from}) into {@code revised}. */
  public static TextDiff between(String original, String revised, String from, String to) {
    List<String> a = lines(original);
    List<String> b = lines(revised);
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(from, to, a, DiffUtils.diff(a, b), CONTEXT);
    List<Line> typed = new ArrayList<>();
    for (int i = 0; i < unified.size(); i++) {
      // The first two lines are the "---" and "+++" headers; a removed line may look like one.
      typed.add(i < 2 ? new Line(Kind.HEADER, unified.get(i)) : typed(unified.get(i)));
    }
    return new TextDiff(typed);
  }

  public boolean identical() {
    return lines.isEmpty();
  }

  /** The diff as unified-diff text, one line each, ending with a newline (empty if identical). */
  public String unified() {
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      out.append(line.unified()).append('\n');
    }
    return out.toString();
  }

  private static Line typed(String line) {
    if (line.startsWith("@@")) {
      return new Line(Kind.HUNK, line);
    }
    if (line.isEmpty()) {
      return new Line(Kind.CONTEXT, "");
    }
    String rest = line.substring(1);
    return switch (line.charAt(0)) {
      case '+' -> new Line(Kind.ADDED, rest);
      case '-' -> new Line(Kind.REMOVED, rest);
      default -> new Line(Kind.CONTEXT, rest);
    };
  }

  /** A final newline ends the last line rather than starting an empty one. */
  private static List<String> lines(String text) {
    String t = PostText.normalise(text);
    if (t.isEmpty()) {
      return List.of();
    }
    if (t.endsWith("\n")) {
      t = t.substring(0, t.length() - 1);
    }
    return List.of(t.split("\n", -1));
  }
}
