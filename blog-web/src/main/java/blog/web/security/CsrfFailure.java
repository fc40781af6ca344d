package blog.web.security;

/** A state-changing request without a valid token from our own pages, or from another origin. */
public final class CsrfFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CsrfFailure(String message) {
    super(message);
  }
}
