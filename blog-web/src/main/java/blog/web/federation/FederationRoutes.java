package blog.web.federation;

import blog.core.federation.Refused;
import blog.core.federation.SiteActor;
import blog.web.admin.AccessRole;
import io.javalin.config.JavalinConfig;

/**
 * The fediverse's routes: discovery and documents for anyone, the inbox for other servers (signed
 * requests, so exempt from the CSRF check), and the admin's screen.
 */
public final class FederationRoutes {
  public static final String WEBFINGER = "/.well-known/webfinger";
  public static final String NODEINFO_LINKS = "/.well-known/nodeinfo";
  public static final String NODEINFO = "/nodeinfo/2.1";

  private FederationRoutes() {}

  /** Content negotiation, before the page cache and the pages' own handlers. */
  public static void installNegotiation(JavalinConfig cfg, FederationHandlers h) {
    if (h != null) {
      cfg.routes.before(h::negotiate);
    }
  }

  /** {@code h} is null while federation is off: then only the admin's screen says so. */
  public static void install(JavalinConfig cfg, FederationHandlers h, FederationAdmin admin) {
    cfg.routes.get(FederationAdmin.PAGE, admin::page, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.REMOVE, admin::remove, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.BLOCK, admin::block, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.BLOCK_DOMAIN, admin::blockDomain, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.BLOCK_NEW_DOMAIN, admin::blockNewDomain, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.UNBLOCK, admin::unblock, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.RETRY, admin::retry, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.DISMISS, admin::dismiss, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.SHARING, admin::sharing, AccessRole.ADMIN);
    cfg.routes.post(FederationAdmin.ROTATE_KEY, admin::rotateKey, AccessRole.ADMIN);
    if (h == null) {
      return;
    }
    cfg.routes.get(WEBFINGER, h::webfinger);
    cfg.routes.get(NODEINFO_LINKS, h::nodeinfoLinks);
    cfg.routes.get(NODEINFO, h::nodeinfo);
    cfg.routes.get(SiteActor.ACTOR_PATH, h::actor);
    cfg.routes.get(SiteActor.FOLLOWERS_PATH, h::followers);
    cfg.routes.get(SiteActor.OUTBOX_PATH, h::outbox);
    cfg.routes.get(SiteActor.POSTS_PATH + "{id}", h::post);
    cfg.routes.get(SiteActor.COMMENTS_PATH + "{id}", h::comment);
    cfg.routes.get(SiteActor.COMMENTS_PATH + "{id}/{generation}", h::comment);
    cfg.routes.get(SiteActor.AVATARS_PATH + "{id}", h::avatar);
    cfg.routes.post(SiteActor.INBOX_PATH, h::inbox);

    cfg.routes.exception(Refused.class, h::refused);
  }
}
