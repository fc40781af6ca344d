package blog.core;

/** Thrown when a reader asks for something that does not exist or is not visible to them. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what) {
    super(what);
  }
}
