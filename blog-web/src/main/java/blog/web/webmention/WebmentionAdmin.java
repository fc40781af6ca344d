package blog.web.webmention;

import blog.core.federation.Delivery;
import blog.core.federation.DeliveryRepository;
import blog.core.federation.DeliveryStatus;
import blog.core.webmention.Webmentions;
import blog.web.admin.AdminHandlers;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's Webmention screen ({@code /admin/webmention}): the endpoint, the mentions received
 * with what became of each (and why one was refused), the checks and the mentions sent in each
 * state with the given-up ones listed and sendable again, and blocking a site. Replies themselves
 * are moderated in the comments' queue. Every action is a CSRF-checked POST back to the screen.
 */
public final class WebmentionAdmin {
  public static final String PAGE = "/admin/webmention";
  public static final String RETRY = PAGE + "/retry";
  public static final String DISMISS = PAGE + "/dismiss";
  public static final String BLOCK = PAGE + "/block";

  private final Webmentions webmentions; // null while Webmention is off
  private final AdminHandlers admin;
  private final Clock clock;

  public WebmentionAdmin(Webmentions webmentions, AdminHandlers admin, Clock clock) {
    this.webmentions = webmentions;
    this.admin = admin;
    this.clock = clock;
  }

  /** A received mention as the screen lists it. */
  public record MentionRow(
      String source, String target, String status, String kind, String author, String reason) {}

  /** A check or a sent mention that was given up. */
  public record DeadRow(
      long id, String queue, String target, String source, int attempts, String lastError) {}

  /** {@code GET /admin/webmention} */
  public void page(Context ctx) {
    Map<String, Object> model = new HashMap<>();
    model.put("enabled", webmentions != null);
    if (webmentions == null) {
      admin.render(ctx, "admin/webmention", "Webmention", model);
      return;
    }
    model.put("endpoint", webmentions.endpoint());
    model.put(
        "mentions",
        webmentions.mentions().recent(50).stream()
            .map(
                m ->
                    new MentionRow(
                        m.source(),
                        m.target(),
                        m.status(),
                        m.kind() == null ? "" : m.kind().db(),
                        m.authorName() == null ? "" : m.authorName(),
                        m.reason() == null ? "" : m.reason()))
            .toList());
    model.put("checks", counts(webmentions.checks()));
    model.put("sent", counts(webmentions.deliveries()));
    List<DeadRow> dead = new java.util.ArrayList<>(dead("received", webmentions.checks()));
    dead.addAll(dead("sent", webmentions.deliveries()));
    model.put("deadRows", dead);
    model.put("blocks", webmentions.blocks().all());
    admin.render(ctx, "admin/webmention", "Webmention", model);
  }

  /** {@code POST /admin/webmention/retry} ({@code queue}: received or sent, {@code id}) */
  public void retry(Context ctx) {
    if (webmentions != null) {
      id(ctx).ifPresent(id -> queue(ctx).retry(id, clock.instant()));
    }
    back(ctx);
  }

  /**
   * {@code POST /admin/webmention/dismiss} ({@code queue}, {@code id}): a given-up one, off the
   * list.
   */
  public void dismiss(Context ctx) {
    if (webmentions != null) {
      id(ctx).ifPresent(queue(ctx)::dismiss);
    }
    back(ctx);
  }

  private DeliveryRepository queue(Context ctx) {
    return "received".equals(ctx.formParam("queue"))
        ? webmentions.checks()
        : webmentions.deliveries();
  }

  /** {@code POST /admin/webmention/block} ({@code domain}): no more mentions from that site. */
  public void block(Context ctx) {
    String domain = ctx.formParam("domain");
    if (webmentions != null && domain != null && domain.strip().matches("[A-Za-z0-9.-]{1,253}")) {
      webmentions.blocks().blockDomain(domain.strip().toLowerCase(Locale.ROOT), clock.instant());
    }
    back(ctx);
  }

  private static Map<String, Long> counts(DeliveryRepository queue) {
    Map<DeliveryStatus, Long> counts = queue.countByStatus();
    return Map.of(
        "waiting",
        counts.get(DeliveryStatus.QUEUED) + counts.get(DeliveryStatus.SENDING),
        "done",
        counts.get(DeliveryStatus.DELIVERED),
        "dead",
        counts.get(DeliveryStatus.DEAD));
  }

  private static List<DeadRow> dead(String name, DeliveryRepository queue) {
    return queue.list(DeliveryStatus.DEAD, 50).stream()
        .map(
            (Delivery d) ->
                new DeadRow(
                    d.id(),
                    name,
                    d.inbox(),
                    d.activity(),
                    d.attempts(),
                    d.lastError() == null ? "" : d.lastError()))
        .toList();
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
}
