package blog.core.editor;

/**
 * Thrown when the acting user may not do what they asked (an author touching someone else's post).
 * The web layer's exception map answers it with 403, like {@link blog.core.NotFoundException} with
 * 404.
 */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
