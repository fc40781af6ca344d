package blog.web.webmention;

import blog.core.federation.Refused;
import blog.core.webmention.Webmentions;
import blog.web.site.Avatars;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public half of Webmention: the endpoint ({@code POST /webmention}, answered 202 at once and
 * verified in the background), the {@code Link} header that advertises it on post pages, and the
 * avatars the blog stored for mentions' authors.
 */
public final class WebmentionHandlers {
  private static final Pattern PERMALINK = Pattern.compile("/[0-9]{4}/[0-9]{2}/[0-9]{2}/[^/]+/?");
  private static final Logger LOG = LoggerFactory.getLogger(WebmentionHandlers.class);

  private final Webmentions webmentions;

  public WebmentionHandlers(Webmentions webmentions) {
    this.webmentions = webmentions;
  }

  /** Before every request: a post page says where its endpoint is (kept with a cached page). */
  public void advertise(Context ctx) {
    if ((ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)
        && PERMALINK.matcher(ctx.path()).matches()) {
      ctx.header("Link", "<" + webmentions.endpoint() + ">; rel=\"webmention\"");
    }
  }

  /** {@code POST /webmention} with {@code source} and {@code target}, form-encoded. */
  public void receive(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8");
    try {
      webmentions.receiver().receive(ctx.formParam("source"), ctx.formParam("target"));
    } catch (Refused refused) {
      LOG.info("webmention refused ({}): {}", refused.status(), refused.getMessage());
      ctx.status(refused.status()).result(refused.getMessage());
      return;
    }
    ctx.status(202).result("Accepted: the mention will be verified shortly.");
  }

  /** {@code GET /webmention/avatars/{id}}: an author's avatar, as the blog stored it. */
  public void avatar(Context ctx) {
    Avatars.serveStored(ctx, webmentions.avatars());
  }
}
