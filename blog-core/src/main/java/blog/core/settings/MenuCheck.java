package blog.core.settings;

import blog.core.site.MenuEntry;
import blog.core.site.SiteLook;
import blog.core.text.OneLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks the menu editor's rows: each a page that readers may open or a link (http, https or a path
 * of this site) with a label; sorted by their order numbers (ties keep the order sent); rows left
 * empty are dropped. The stored value is {@link MenuEntry#format} of the result.
 */
final class MenuCheck {
  static final int MAX_ITEMS = 20;
  static final int MAX_LABEL = 60;

  private record Numbered(int order, int row, MenuEntry entry) {}

  private MenuCheck() {}

  static void check(List<MenuRow> rows, Set<Long> pageIds, FormCheck check) {
    List<Numbered> kept = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < rows.size(); i++) {
      MenuRow row = rows.get(i);
      if (row.isEmpty() || blank(row.target())) {
        continue; // an empty row, or one whose item was set to "none": removed
      }
      String field = "menu." + i + ".";
      String label = OneLine.clean(row.label(), "").replace('\t', ' ').strip();
      int order = i + 1;
      String typedOrder = row.order() == null ? "" : row.order().strip();
      if (!typedOrder.isEmpty()) {
        try {
          order = Integer.parseInt(typedOrder);
        } catch (NumberFormatException e) {
          check.error(field + "order", "Please give a whole number for the place.");
          ok = false;
        }
      }
      if (label.length() > MAX_LABEL) {
        check.error(field + "label", "At most " + MAX_LABEL + " characters, please.");
        ok = false;
        continue;
      }
      String target = row.target().strip();
      if (target.equals(MenuRow.LINK)) {
        String url = row.url() == null ? "" : row.url().strip();
        if (label.isEmpty()) {
          check.error(field + "label", "Please give the words to show for this link.");
          ok = false;
        }
        if (!MenuEntry.isAllowedUrl(url)) {
          check.error(
              field + "url",
              "Please give a web address starting with https:// or http://, or a path of this site"
                  + " starting with / (such as /about/).");
          ok = false;
          continue;
        }
        kept.add(new Numbered(order, i, MenuEntry.link(url, label)));
      } else if (target.startsWith(MenuRow.PAGE) && pageId(target) > 0) {
        long id = pageId(target);
        if (!pageIds.contains(id)) {
          check.error(
              field + "target", "This page is not published (any more): please choose another.");
          ok = false;
          continue;
        }
        kept.add(new Numbered(order, i, MenuEntry.page(id, label)));
      } else {
        check.error(field + "target", "Please choose a page, a link or no item.");
        ok = false;
      }
    }
    if (kept.size() > MAX_ITEMS) {
      check.error("menu", "At most " + MAX_ITEMS + " menu items, please.");
      return;
    }
    if (ok) {
      kept.sort(Comparator.comparingInt(Numbered::order).thenComparingInt(Numbered::row));
      check.put(SiteLook.MENU, MenuEntry.format(kept.stream().map(Numbered::entry).toList()));
    }
  }

  private static long pageId(String target) {
    try {
      return Long.parseLong(target.substring(MenuRow.PAGE.length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
