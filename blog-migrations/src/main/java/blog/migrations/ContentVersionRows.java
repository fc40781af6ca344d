package blog.migrations;

/**
 * The rows of {@code content_version}, defined here once: the baseline's SQL receives them as
 * Flyway placeholders ({@code ${post_slots}}, {@code ${listing_row}}, {@code ${commenters_row}}),
 * H2's {@link ContentVersionTrigger} and blog.core.change.ContentVersions read them from here.
 *
 * <ul>
 *   <li>rows 1 to {@value #POST_SLOTS} take the changes to the comments of the posts whose id
 *       leaves that remainder ({@code 1 + post_id % 64}), so a comment re-renders its own post's
 *       page and not every other one;
 *   <li>row {@value #LISTING_ROW} takes every change that is neither a comment's nor a commenter's
 *       (posts, terms, authors, settings, images, old permalinks);
 *   <li>row {@value #COMMENTERS_ROW} takes the changes to commenters, whom any post's comments may
 *       show.
 * </ul>
 *
 * Changing a number here changes what the triggers write, but not the rows or the PostgreSQL
 * function of a database already built: that takes a new migration.
 */
public final class ContentVersionRows {
  /** Rows 1 to this take the changes to comments, by their post. */
  public static final int POST_SLOTS = 64;

  /** The row taking every change that is neither a comment's nor a commenter's. */
  public static final int LISTING_ROW = 65;

  /** The row taking the changes to commenters; also the highest row. */
  public static final int COMMENTERS_ROW = 66;

  private ContentVersionRows() {}
}
