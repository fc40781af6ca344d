package blog.web.admin.moderation;

import blog.core.comment.FieldError;
import blog.core.settings.MenuRow;
import blog.core.site.SiteMenu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings screen's menu editor: a row per item (as stored, or as typed when the form came back
 * refused) and a few empty rows to add items with. Each row has a place number, what it leads to (a
 * page, a link, or no item, which removes it), its words and, for a link, the URL.
 */
final class MenuRows {
  /** Empty rows offered below the items, to add new ones. */
  static final int EMPTY_ROWS = 3;

  private MenuRows() {}

  /** A row of the editor; {@code errors} by field ({@code order}, {@code target}, ...). */
  public record Row(
      int index,
      String order,
      List<SettingsFields.Option> targets,
      String label,
      String url,
      boolean link,
      String orderError,
      String targetError,
      String labelError,
      String urlError) {
    public boolean hasError() {
      return !(orderError + targetError + labelError + urlError).isEmpty();
    }
  }

  /** The editor: its rows and a message for the menu as a whole (empty when none). */
  public record Editor(List<Row> rows, String error, boolean hasPages) {}

  static Editor editor(
      List<MenuRow> typed, List<SiteMenu.PageChoice> pages, List<FieldError> errors) {
    Map<String, String> messages = SettingsFields.messages(errors);
    List<MenuRow> all = new ArrayList<>(typed);
    int highest = 0;
    for (MenuRow r : typed) {
      try {
        highest = Math.max(highest, Integer.parseInt(r.order().strip()));
      } catch (NumberFormatException | NullPointerException e) {
        // not a number: the next empty rows count on from the others
      }
    }
    highest = Math.max(highest, typed.size());
    for (int i = 1; i <= EMPTY_ROWS; i++) {
      all.add(new MenuRow(Integer.toString(highest + i), "", "", ""));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      MenuRow r = all.get(i);
      String target = r.target() == null ? "" : r.target().strip();
      String prefix = "menu." + i + ".";
      rows.add(
          new Row(
              i,
              nonNull(r.order()),
              targets(target, pages),
              nonNull(r.label()),
              nonNull(r.url()),
              target.equals(MenuRow.LINK),
              messages.getOrDefault(prefix + "order", ""),
              messages.getOrDefault(prefix + "target", ""),
              messages.getOrDefault(prefix + "label", ""),
              messages.getOrDefault(prefix + "url", "")));
    }
    return new Editor(rows, messages.getOrDefault("menu", ""), !pages.isEmpty());
  }

  private static List<SettingsFields.Option> targets(
      String selected, List<SiteMenu.PageChoice> pages) {
    List<SettingsFields.Option> options = new ArrayList<>();
    options.add(new SettingsFields.Option("", "No item (removes the row)", selected.isEmpty()));
    for (SiteMenu.PageChoice p : pages) {
      String value = MenuRow.PAGE + p.id();
      options.add(new SettingsFields.Option(value, "Page: " + p.title(), value.equals(selected)));
    }
    options.add(
        new SettingsFields.Option(
            MenuRow.LINK, "Custom link (give its URL)", MenuRow.LINK.equals(selected)));
    return options;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
