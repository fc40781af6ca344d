package blog.core.editor;

/** How many posts each view of the admin's list holds (ignoring the search, as in WordPress). */
public record StatusCounts(int all, int published, int drafts, int scheduled, int trash) {
  public int of(PostFilter filter) {
    return switch (filter) {
      case ALL -> all;
      case PUBLISHED -> published;
      case DRAFTS -> drafts;
      case SCHEDULED -> scheduled;
      case TRASH -> trash;
    };
  }
}
