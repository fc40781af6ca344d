package blog.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the settings screen's menu editor, as typed, untrusted: its place ({@code order}, a
 * number; rows are sorted by it), what it leads to ({@code target}: {@code page:ID}, {@code link},
 * or empty for no item, which removes the row), the words shown and, for a link, the URL. Field
 * errors name a row's fields {@code menu.N.order}, {@code menu.N.label}, ... where N counts rows
 * from 0 as they were sent.
 */
public record MenuRow(String order, String target, String label, String url) {
  public static final String LINK = "link";
  public static final String PAGE = "page:";

  /** The request parameters of the rows: each field is sent once per row, rows in order. */
  public static final List<String> FIELDS =
      List.of("menuOrder", "menuTarget", "menuLabel", "menuUrl");

  public boolean isEmpty() {
    return blank(target) && blank(label) && blank(url);
  }

  /** The rows from repeated request parameters (one list per field of {@link #FIELDS}). */
  public static List<MenuRow> read(Function<String, List<String>> params) {
    List<String> orders = params.apply("menuOrder");
    List<String> targets = params.apply("menuTarget");
    List<String> labels = params.apply("menuLabel");
    List<String> urls = params.apply("menuUrl");
    int n = Math.max(Math.max(orders.size(), targets.size()), Math.max(labels.size(), urls.size()));
    List<MenuRow> rows = new ArrayList<>();
    for (int i = 0; i < n && i < 100; i++) {
      rows.add(new MenuRow(at(orders, i), at(targets, i), at(labels, i), at(urls, i)));
    }
    return rows;
  }

  private static String at(List<String> values, int i) {
    return i < values.size() ? values.get(i) : "";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
