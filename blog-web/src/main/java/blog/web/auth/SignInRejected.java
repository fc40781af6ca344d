package blog.web.auth;

/** A log-in callback that cannot be tied to a log-in this browser started. */
public final class SignInRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SignInRejected(String message) {
    super(message);
  }
}
