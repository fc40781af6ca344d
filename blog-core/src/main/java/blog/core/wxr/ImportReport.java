package blog.core.wxr;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: per kind of thing, how many it created and how many it found already here
 * (from an earlier import, or by the same name) and left alone; the items it does not import
 * (attachments, menu items, other post types); and notes on what it changed on the way in.
 */
public record ImportReport(
    Count posts,
    Count pages,
    Count comments,
    Count categories,
    Count tags,
    Count authors,
    int otherItems,
    List<String> notes) {

  public ImportReport {
    notes = List.copyOf(notes);
  }

  /** Created and skipped (already there) of one kind. */
  public record Count(int created, int skipped) {}

  /** Whether anything was created. */
  public boolean changedAnything() {
    return posts.created
            + pages.created
            + comments.created
            + categories.created
            + tags.created
            + authors.created
        > 0;
  }

  /** One line per kind, for the command line and the admin screen. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(line("Posts", posts));
    lines.add(line("Pages", pages));
    lines.add(line("Comments", comments));
    lines.add(line("Categories", categories));
    lines.add(line("Tags", tags));
    lines.add(line("Authors", authors));
    lines.add("Not imported (attachments, menu items and other kinds of item): " + otherItems);
    return lines;
  }

  private static String line(String what, Count count) {
    return what + ": " + count.created() + " created, " + count.skipped() + " already there";
  }
}
