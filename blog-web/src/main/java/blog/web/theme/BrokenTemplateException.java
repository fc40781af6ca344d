package blog.web.theme;

/**
 * A theme template failed for a staff member: they get a page saying which file, which line and
 * what went wrong (readers get the page from the built-in templates instead).
 */
public final class BrokenTemplateException extends RuntimeException {
  private final transient TemplateError error;

  public BrokenTemplateException(TemplateError error, Throwable cause) {
    super(error.describe(), cause);
    this.error = error;
  }

  public TemplateError error() {
    return error;
  }
}
