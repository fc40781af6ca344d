package blog.core.change;

import blog.migrations.ContentVersionRows;
import java.util.Arrays;
import java.util.Collection;

/**
 * The {@code content_version} rows as read at one moment (laid out by the schema, {@link
 * ContentVersionRows}): rows 1 to {@value #POST_SLOTS} count the changes to the comments of the
 * posts whose id leaves that remainder ({@code 1 + id % POST_SLOTS}), row {@value #LISTING_ROW}
 * every change that is neither a comment's nor a commenter's (posts, terms, authors, settings,
 * images, old permalinks), row {@value #COMMENTERS_ROW} the changes to commenters. Every row only
 * grows.
 *
 * <ul>
 *   <li>{@link #all()}, their sum, grows with any change a reader could see;
 *   <li>{@link #listing()}: what the sidebar and the archives are made of, which no comment
 *       changes;
 *   <li>{@link #forPost(long)}: what one post's page shows, which the comments of other posts do
 *       not change (nor the comments of the posts sharing its row, which merely cost it a render).
 * </ul>
 */
public final class ContentVersions {
  /** Rows 1 to this take the changes to comments, by their post. */
  public static final int POST_SLOTS = ContentVersionRows.POST_SLOTS;

  /** The row taking every change that is neither a comment's nor a commenter's. */
  public static final int LISTING_ROW = ContentVersionRows.LISTING_ROW;

  /** The row taking the changes to commenters, whom any post's comments may show. */
  public static final int COMMENTERS_ROW = ContentVersionRows.COMMENTERS_ROW;

  private static final ContentVersions NONE = new ContentVersions(new long[COMMENTERS_ROW + 1]);

  /** Indexed by row id; index 0 is unused. */
  private final long[] rows;

  private final long all;

  private ContentVersions(long[] rows) {
    this.rows = rows;
    long sum = 0;
    for (long row : rows) {
      sum += row;
    }
    this.all = sum;
  }

  /** Before anything was read: every row 0. */
  public static ContentVersions none() {
    return NONE;
  }

  /**
   * The rows as read, by id; ids outside 1 to {@value #COMMENTERS_ROW} count toward {@link #all()}
   * alone.
   */
  public static ContentVersions of(long[] ids, long[] versions) {
    long[] rows = new long[COMMENTERS_ROW + 1];
    long other = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] >= 1 && ids[i] <= COMMENTERS_ROW) {
        rows[(int) ids[i]] += versions[i];
      } else {
        other += versions[i];
      }
    }
    rows[0] = other;
    return new ContentVersions(rows);
  }

  /** Grows with any change a reader could see. */
  public long all() {
    return all;
  }

  /** Grows with any change but those to comments and commenters. */
  public long listing() {
    return rows[LISTING_ROW];
  }

  /**
   * Grows with any change that may show on the page of the post {@code postId}: a change to the
   * listing, to commenters, or to the comments of this post (or of a post sharing its row).
   */
  public long forPost(long postId) {
    return rows[LISTING_ROW] + rows[COMMENTERS_ROW] + rows[postSlot(postId)];
  }

  /**
   * Grows with any change that may show on a listing of posts whose comments are in the rows {@code
   * slots} ({@link #slotsOf}): a change to the listing, or to the comments of one of those posts
   * (or of a post sharing its row), which changes the counts it shows. A sum of rows that only
   * grow, so it grows whenever one of them does.
   */
  public long forListing(long slots) {
    long version = rows[LISTING_ROW];
    for (long left = slots; left != 0; left &= left - 1) {
      version += rows[1 + Long.numberOfTrailingZeros(left)];
    }
    return version;
  }

  /**
   * The rows of the comments of {@code postIds} as a mask for {@link #forListing}: bit {@code i}
   * stands for row {@code i + 1}.
   */
  public static long slotsOf(Collection<Long> postIds) {
    long slots = 0;
    for (long id : postIds) {
      slots |= 1L << (postSlot(id) - 1);
    }
    return slots;
  }

  /** The row that takes the changes to the comments of post {@code postId}. */
  public static int postSlot(long postId) {
    return 1 + Math.floorMod(postId, POST_SLOTS);
  }

  /**
   * The newer of each row of both: what an instance has seen, from its polls and its own reads.
   * Returns this or {@code other} itself when it is at least as new in every row.
   */
  public ContentVersions newest(ContentVersions other) {
    boolean thisCovers = true;
    boolean otherCovers = true;
    for (int i = 0; i < rows.length; i++) {
      thisCovers &= rows[i] >= other.rows[i];
      otherCovers &= other.rows[i] >= rows[i];
    }
    if (thisCovers) {
      return this;
    }
    if (otherCovers) {
      return other;
    }
    long[] newest = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      newest[i] = Math.max(rows[i], other.rows[i]);
    }
    return new ContentVersions(newest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentVersions other && Arrays.equals(rows, other.rows);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rows);
  }

  @Override
  public String toString() {
    return "ContentVersions[all=" + all + ", listing=" + listing() + "]";
  }
}
