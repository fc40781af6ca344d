package blog.core.wxr;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: per kind of thing, how many it created and how many it found already here
 * (from an earlier import, or by the same name) and left alone; the items it does not import
 * (attachments, menu items, other post types); what it could not import, item by item, with the
 * reason; and notes on what it changed on the way in.
 *
 * @param leftOut what could not be imported, at most {@link #MAX_LEFT_OUT} of them
 * @param moreLeftOut how many more there were
 */
public record ImportReport(
    Count posts,
    Count pages,
    Count comments,
    Count categories,
    Count tags,
    Count authors,
    int otherItems,
    List<LeftOut> leftOut,
    int moreLeftOut,
    List<String> notes) {
  public static final int MAX_LEFT_OUT = 1000;

  public ImportReport {
    leftOut = List.copyOf(leftOut);
    notes = List.copyOf(notes);
  }

  /** Created and skipped (already there) of one kind. */
  public record Count(int created, int skipped) {}

  /** An item, or a part of one, that could not be imported: the item's title and why. */
  public record LeftOut(String title, String reason) {
    /** One line, e.g. {@code "Hello": not imported: it has no <wp:post_id>}. */
    public String line() {
      return (title.isEmpty() ? "An item without a title" : "\"" + title + "\"") + ": " + reason;
    }
  }

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
    if (!leftOut.isEmpty()) {
      lines.add("Could not be imported (listed below): " + (leftOut.size() + moreLeftOut));
    }
    return lines;
  }

  /** Each thing that could not be imported, one line each, then how many more if cut short. */
  public List<String> leftOutLines() {
    List<String> lines = new ArrayList<>(leftOut.stream().map(LeftOut::line).toList());
    if (moreLeftOut > 0) {
      lines.add("… and " + moreLeftOut + " more that could not be imported.");
    }
    return lines;
  }

  private static String line(String what, Count count) {
    return what + ": " + count.created() + " created, " + count.skipped() + " already there";
  }
}
