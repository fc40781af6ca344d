package blog.web.testing;

/** A running blog a test talks to: a server in the test's JVM or an instance in a process. */
public interface Site {
  /** The absolute address of {@code path} on this blog, e.g. {@code http://127.0.0.1:1234/}. */
  String url(String path);
}
