package blog.web.admin.posts;

import blog.core.editor.TextDiff;
import java.util.List;
import java.util.Locale;

/** One line of a diff as a page shows it: a CSS class, its marker and its text. */
public record DiffLine(String css, String marker, String text) {
  static List<DiffLine> of(TextDiff diff) {
    return diff.lines().stream()
        .map(
            l ->
                new DiffLine(
                    "diff-" + l.kind().name().toLowerCase(Locale.ROOT),
                    switch (l.kind()) {
                      case ADDED -> "+";
                      case REMOVED -> "-";
                      case CONTEXT -> " ";
                      default -> "";
                    },
                    l.text()))
        .toList();
  }
}
