package blog.web.subscription;

import io.javalin.config.JavalinConfig;

/** The routes behind the links in notification mails: confirm, and unsubscribe. */
public final class SubscriptionRoutes {
  private SubscriptionRoutes() {}

  public static void install(JavalinConfig cfg, SubscriptionHandlers subscriptions) {
    cfg.routes.get(SubscriptionHandlers.CONFIRM, subscriptions::confirmPage);
    cfg.routes.post(SubscriptionHandlers.CONFIRM, subscriptions::confirm);
    cfg.routes.get(SubscriptionHandlers.UNSUBSCRIBE, subscriptions::unsubscribePage);
    cfg.routes.post(SubscriptionHandlers.UNSUBSCRIBE, subscriptions::unsubscribe);
  }
}
