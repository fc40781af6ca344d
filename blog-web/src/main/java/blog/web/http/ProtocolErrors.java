package blog.web.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a malformed request line, a bad path encoding, an oversized header),
 * which it gives before any of the blog's handlers run: with the same security headers as every
 * other answer.
 */
public final class ProtocolErrors extends ErrorHandler {
  private final SecurityHeaders headers;

  public ProtocolErrors(SecurityHeaders headers) {
    this.headers = headers;
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    headers.values().forEach((name, value) -> response.getHeaders().put(name, value));
    return super.handle(request, response, callback);
  }
}
