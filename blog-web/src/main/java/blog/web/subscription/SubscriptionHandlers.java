package blog.web.subscription;

import blog.core.notify.SubscriptionLinks;
import blog.web.site.PageMeta;
import blog.web.site.Pages;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The links in notification mails. Opening one (GET) only shows a page with a button; the button
 * (or a mail client's RFC 8058 one-click POST) does the change. The signed token in the link is the
 * authority, so these two POST routes need no CSRF token.
 */
public final class SubscriptionHandlers {
  public static final String CONFIRM = "/subscriptions/confirm";
  public static final String UNSUBSCRIBE = "/unsubscribe";

  private final SubscriptionLinks links;
  private final Pages pages;

  public SubscriptionHandlers(SubscriptionLinks links, Pages pages) {
    this.links = links;
    this.pages = pages;
  }

  public void confirmPage(Context ctx) {
    String token = token(ctx);
    show(ctx, "Confirm your subscription", links.describeConfirmation(token), token, false);
  }

  public void confirm(Context ctx) {
    show(ctx, "Subscribed", links.confirm(token(ctx)), "", true);
  }

  public void unsubscribePage(Context ctx) {
    String token = token(ctx);
    show(ctx, "Unsubscribe", links.describeUnsubscribe(token), token, false);
  }

  public void unsubscribe(Context ctx) {
    show(ctx, "Unsubscribed", links.unsubscribe(token(ctx)), "", true);
  }

  private void show(Context ctx, String title, String what, String token, boolean done) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    pages.render(
        ctx,
        "subscription/page",
        title,
        Map.of(
            "heading",
            title,
            "what",
            what,
            "token",
            token,
            "done",
            done,
            "action",
            ctx.path(),
            // A page reached from a mailed link, for one reader: no search engine should keep it.
            "meta",
            PageMeta.NONE.unindexed()));
  }

  /** From the link's query string (one-click POSTs keep it there) or the page's form. */
  private static String token(Context ctx) {
    String token = ctx.queryParam("token");
    if (token == null) {
      token = ctx.formParam("token");
    }
    return token == null ? "" : token;
  }
}
