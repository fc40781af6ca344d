package blog.web.federation;

import blog.core.federation.DeliveryStatus;
import blog.core.federation.Federation;
import blog.core.federation.Follower;
import blog.web.admin.AdminHandlers;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's fediverse screen ({@code /admin/fediverse}): the blog's handle, whether comments
 * written on the blog are sent as replies (the owner's switch), its followers (each removable, or
 * blocked with its account or its whole server), the blocks, the posts' likes and boosts, and the
 * deliveries in each state with the dead ones listed and sendable again, and the account's key with
 * a button that rotates it. Every action is a CSRF-checked POST that comes back to the screen.
 */
public final class FederationAdmin {
  public static final String PAGE = "/admin/fediverse";
  public static final String REMOVE = PAGE + "/followers/remove";
  public static final String BLOCK = PAGE + "/followers/block";
  public static final String BLOCK_DOMAIN = PAGE + "/followers/block-domain";
  public static final String BLOCK_NEW_DOMAIN = PAGE + "/blocks/domain";
  public static final String UNBLOCK = PAGE + "/blocks/remove";
  public static final String RETRY = PAGE + "/deliveries/retry";
  public static final String DISMISS = PAGE + "/deliveries/dismiss";
  public static final String SHARING = PAGE + "/sharing";
  public static final String ROTATE_KEY = PAGE + "/key/rotate";

  private final Federation federation; // null while federation is off
  private final AdminHandlers admin;
  private final Clock clock;

  public FederationAdmin(Federation federation, AdminHandlers admin, Clock clock) {
    this.federation = federation;
    this.admin = admin;
    this.clock = clock;
  }

  /** A follower as the screen lists it. */
  public record FollowerRow(long id, String handle, String actorId, String domain, String since) {}

  /** A delivery that was given up, as the screen lists it. */
  public record DeadRow(long id, String inbox, int attempts, String lastError, String type) {}

  /** {@code GET /admin/fediverse} */
  public void page(Context ctx) {
    Map<String, Object> model = new HashMap<>();
    model.put("enabled", federation != null);
    if (federation == null) {
      admin.render(ctx, "admin/fediverse", "Fediverse", model);
      return;
    }
    model.put("handle", federation.site().handle());
    model.put("actorUrl", federation.site().id());
    model.put(
        "followers",
        federation.followers().all().stream()
            .map(
                f ->
                    new FollowerRow(
                        f.id(), f.handle(), f.actorId(), f.domain(), f.createdAt().toString()))
            .toList());
    model.put("blocks", federation.blocks().all());
    model.put("sharing", federation.commentSync().sharing());
    model.put(
        "keyMadeAt",
        federation
            .keyRotation()
            .keyMadeAt()
            .map(
                t ->
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .format(t.atZone(java.time.ZoneOffset.UTC)))
            .orElse("on first use"));
    model.put("reactions", federation.reactions().top(50));
    Map<DeliveryStatus, Long> counts = federation.deliveries().countByStatus();
    model.put("queued", counts.get(DeliveryStatus.QUEUED) + counts.get(DeliveryStatus.SENDING));
    model.put("delivered", counts.get(DeliveryStatus.DELIVERED));
    model.put("dead", counts.get(DeliveryStatus.DEAD));
    model.put(
        "deadRows",
        federation.deliveries().list(DeliveryStatus.DEAD, 50).stream()
            .map(
                d ->
                    new DeadRow(
                        d.id(),
                        d.inbox(),
                        d.attempts(),
                        d.lastError() == null ? "" : d.lastError(),
                        typeOf(d.activity())))
            .toList());
    admin.render(ctx, "admin/fediverse", "Fediverse", model);
  }

  /** {@code POST /admin/fediverse/followers/remove} ({@code id}) */
  public void remove(Context ctx) {
    follower(ctx).ifPresent(f -> federation.followers().remove(f.actorId()));
    back(ctx);
  }

  /** {@code POST /admin/fediverse/followers/block} ({@code id}): the account. */
  public void block(Context ctx) {
    follower(ctx)
        .ifPresent(
            f -> {
              federation.blocks().blockActor(f.actorId(), clock.instant());
              federation.followers().remove(f.actorId());
            });
    back(ctx);
  }

  /** {@code POST /admin/fediverse/followers/block-domain} ({@code id}): its whole server. */
  public void blockDomain(Context ctx) {
    follower(ctx)
        .ifPresent(
            f -> {
              federation.blocks().blockDomain(f.domain(), clock.instant());
              federation.followers().removeDomain(f.domain());
            });
    back(ctx);
  }

  /** {@code POST /admin/fediverse/blocks/domain} ({@code domain}): a server by name. */
  public void blockNewDomain(Context ctx) {
    String domain = ctx.formParam("domain");
    if (federation != null && domain != null && domain.strip().matches("[A-Za-z0-9.-]{1,253}")) {
      federation.blocks().blockDomain(domain.strip(), clock.instant());
      federation.followers().removeDomain(domain.strip().toLowerCase(java.util.Locale.ROOT));
    }
    back(ctx);
  }

  /** {@code POST /admin/fediverse/blocks/remove} ({@code id}) */
  public void unblock(Context ctx) {
    if (federation != null) {
      id(ctx).ifPresent(federation.blocks()::unblock);
    }
    back(ctx);
  }

  /** {@code POST /admin/fediverse/deliveries/retry} ({@code id}): a dead delivery, once more. */
  public void retry(Context ctx) {
    if (federation != null) {
      id(ctx).ifPresent(id -> federation.deliveries().retry(id, clock.instant()));
    }
    back(ctx);
  }

  /** {@code POST /admin/fediverse/deliveries/dismiss} ({@code id}): a dead one, off the list. */
  public void dismiss(Context ctx) {
    if (federation != null) {
      id(ctx).ifPresent(federation.deliveries()::dismiss);
    }
    back(ctx);
  }

  /**
   * {@code POST /admin/fediverse/sharing} ({@code share} present or not): whether comments written
   * on the blog are sent to the followers from now on.
   */
  public void sharing(Context ctx) {
    if (federation != null) {
      federation.commentSync().setSharing(ctx.formParam("share") != null);
    }
    back(ctx);
  }

  /**
   * {@code POST /admin/fediverse/key/rotate}: a new key pair for the blog's account, announced to
   * the followers with an {@code Update} of the account.
   */
  public void rotateKey(Context ctx) {
    if (federation != null) {
      federation.keyRotation().rotate();
    }
    back(ctx);
  }

  private Optional<Follower> follower(Context ctx) {
    return federation == null
        ? Optional.empty()
        : id(ctx).flatMap(federation.followers()::findById);
  }

  private static Optional<Long> id(Context ctx) {
    String raw = ctx.formParam("id");
    return raw != null && raw.matches("[0-9]{1,18}")
        ? Optional.of(Long.parseLong(raw))
        : Optional.empty();
  }

  private static void back(Context ctx) {
    ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
  }

  private static String typeOf(String activity) {
    var m = java.util.regex.Pattern.compile("\"type\":\"([A-Za-z]+)\"").matcher(activity);
    return m.find() ? m.group(1) : "";
  }

  static List<String> paths() {
    return List.of(
        REMOVE,
        BLOCK,
        BLOCK_DOMAIN,
        BLOCK_NEW_DOMAIN,
        UNBLOCK,
        RETRY,
        DISMISS,
        SHARING,
        ROTATE_KEY);
  }
}
