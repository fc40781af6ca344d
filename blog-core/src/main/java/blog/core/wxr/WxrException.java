package blog.core.wxr;

/**
 * A WordPress export that cannot be imported: not XML, not a WordPress export, or hostile (a DTD,
 * entity tricks, elements too large or too deep). The message says what is wrong and where, in
 * words meant for the person who chose the file. Nothing of such a file is imported.
 */
public final class WxrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WxrException(String message) {
    super(message);
  }

  public WxrException(String message, Throwable cause) {
    super(message, cause);
  }
}
