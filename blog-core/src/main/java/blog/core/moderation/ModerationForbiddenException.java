package blog.core.moderation;

/**
 * Thrown when a staff member acts on comments that are not theirs to moderate: an author on another
 * author's post. Nothing was changed.
 */
public class ModerationForbiddenException extends RuntimeException {
  public ModerationForbiddenException(String message) {
    super(message);
  }
}
