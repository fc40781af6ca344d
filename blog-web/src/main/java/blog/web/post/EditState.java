package blog.web.post;

/**
 * A comment being edited by its author on the page: which one, the text as typed, and what was
 * wrong with it (empty when nothing).
 */
public record EditState(long commentId, String text, String error) {
  public static final EditState NONE = new EditState(0, "", "");
}
