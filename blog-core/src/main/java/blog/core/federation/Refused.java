package blog.core.federation;

/**
 * An incoming activity or request the blog will not take, with the HTTP status that says why (400
 * malformed, 401 unsigned or badly signed, 403 blocked, 413 too large) and a short reason for the
 * remote server's log. Also thrown by a fetch that is not allowed (a private address, too large).
 */
public final class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public Refused(int status, String reason) {
    super(reason);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static Refused unsigned(String reason) {
    return new Refused(401, reason);
  }

  static Refused malformed(String reason) {
    return new Refused(400, reason);
  }
}
