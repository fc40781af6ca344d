package blog.web.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops the body of a request refused before its body was read (413, 411), as nginx's
 * lingering close does. Closing a connection whose unread bytes are still arriving makes the kernel
 * reset it, and the client then loses the refusal page it was about to read: the person uploading a
 * photo one megabyte too large would see "connection reset" instead of the reason. Bodies beyond
 * {@link #MAX_DISCARDED_BYTES} are not worth the transfer: for those the connection is closed and
 * the client may see the reset.
 */
public final class RefusedBodies {
  static final long MAX_DISCARDED_BYTES = 32L * 1024 * 1024;

  private RefusedBodies() {}

  public static void discard(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > MAX_DISCARDED_BYTES) {
      return;
    }
    byte[] buffer = new byte[16 * 1024];
    long left = declared < 0 ? MAX_DISCARDED_BYTES : declared;
    try {
      InputStream in = ctx.req().getInputStream();
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          return;
        }
        left -= n;
      }
    } catch (IOException e) {
      // The client went away or sent less than it declared: nothing left to protect.
    }
  }
}
