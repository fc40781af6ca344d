package blog.core.wxr;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a WordPress comment as a Markdown (GFM) table, for {@link CommentHtml}. Cells hold one
 * line of inline Markdown; the first row is the header when it has {@code <th>} cells (as themes
 * show a row of headings), otherwise the header row is left empty so no row is shown as one.
 */
final class CommentTable {
  private final List<List<String>> rows = new ArrayList<>();
  private boolean firstRowIsHeader;
  private boolean inCell;

  void row() {
    rows.add(new ArrayList<>());
  }

  void openCell() {
    if (rows.isEmpty()) {
      row();
    }
    inCell = true;
  }

  boolean inCell() {
    return inCell;
  }

  /** {@code markdown}: the cell's content, its pipes already escaped. */
  void closeCell(String markdown, boolean heading) {
    inCell = false;
    if (rows.size() == 1 && heading) {
      firstRowIsHeader = true;
    }
    rows.get(rows.size() - 1).add(markdown.replaceAll("\\s*\\n\\s*", " ").strip());
  }

  String markdown() {
    List<List<String>> body = rows.stream().filter(r -> !r.isEmpty()).toList();
    int columns = body.stream().mapToInt(List::size).max().orElse(0);
    if (columns == 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    List<String> header = firstRowIsHeader ? body.get(0) : List.of();
    line(out, header, columns);
    out.append('|').append(" --- |".repeat(columns)).append('\n');
    for (List<String> row : firstRowIsHeader ? body.subList(1, body.size()) : body) {
      line(out, row, columns);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int columns) {
    out.append('|');
    for (int i = 0; i < columns; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      out.append(' ').append(cell).append(cell.isEmpty() ? "|" : " |");
    }
    out.append('\n');
  }
}
