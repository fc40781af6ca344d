package blog.web.admin.moderation;

import blog.core.NotFoundException;
import blog.core.identity.User;
import blog.core.moderation.ModerationQueue;
import blog.core.moderation.QueueCounts;
import blog.core.moderation.QueuePage;
import blog.core.moderation.QueueRow;
import blog.core.moderation.QueueView;
import blog.core.reading.BlogReader;
import blog.core.security.Tokens;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import blog.web.site.Formats;
import blog.web.site.Permalinks;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The comment queue: its tabs and pages, and the moderator's actions on one or many comments. */
public final class QueueHandlers {
  private final ModerationQueue queue;
  private final BlogReader reader;
  private final AdminHandlers admin;
  private final StaffSession session;
  private final Tokens tokens;

  QueueHandlers(
      ModerationQueue queue,
      BlogReader reader,
      AdminHandlers admin,
      StaffSession session,
      Tokens tokens) {
    this.queue = queue;
    this.reader = reader;
    this.admin = admin;
    this.session = session;
    this.tokens = tokens;
  }

  /** {@code GET /admin/comments?status=pending&older=TOKEN} */
  public void list(Context ctx) {
    User user = session.user(ctx).orElseThrow();
    QueuePlace place = QueuePlace.from(ctx::queryParam);
    QueuePage page = queue.list(user, place.query());
    QueueCounts counts = queue.counts(user, null);
    Formats formats = new Formats(reader.site());
    Map<String, Object> model = new HashMap<>();
    model.put(
        "tabs",
        Arrays.stream(QueueView.values())
            .map(
                v ->
                    new QueueViews.Tab(
                        label(v),
                        counts.of(v),
                        "/admin/comments?status=" + v.param(),
                        v == place.view()))
            .toList());
    model.put("rows", page.rows().stream().map(r -> row(r, formats)).toList());
    model.put(
        "olderUrl", page.hasOlder() ? new QueuePlace(place.view(), page.older(), null).url() : "");
    model.put(
        "newerUrl", page.hasNewer() ? new QueuePlace(place.view(), null, page.newer()).url() : "");
    model.put(
        "bulkActions",
        ModerationAction.forView(place.view()).stream()
            .map(a -> new QueueViews.Action(a.param(), a.label()))
            .toList());
    model.put("status", place.status());
    model.put("older", place.olderToken());
    model.put("newer", place.newerToken());
    model.put("notice", notice(ctx.queryParam("done"), ctx.queryParam("n")));
    model.put("replyKey", tokens.random());
    admin.render(ctx, "admin/comments/list", "Comments", model);
  }

  /** {@code POST /admin/comments/{id}/moderate}: one row's button. */
  public void moderate(Context ctx) {
    User user = session.user(ctx).orElseThrow();
    long id = CommentEditHandlers.commentId(ctx);
    // Unknown comments are a 404; someone else's post's comments a 403 (from find).
    if (queue.find(user, id).isEmpty()) {
      throw new NotFoundException("comment " + id);
    }
    ModerationAction action = action(ctx);
    int changed = action.apply(queue, user, List.of(id));
    done(ctx, action, changed);
  }

  /** {@code POST /admin/comments/bulk}: the ticked rows and the chosen action. */
  public void bulk(Context ctx) {
    User user = session.user(ctx).orElseThrow();
    ModerationAction action = action(ctx);
    List<String> raw = ctx.formParams("ids");
    if (raw.size() > ModerationQueue.MAX_BULK) {
      throw new BadRequestResponse("Too many comments at once.");
    }
    List<Long> ids = raw.stream().map(QueueHandlers::id).flatMap(Optional::stream).toList();
    int changed = action.apply(queue, user, ids);
    done(ctx, action, changed);
  }

  private void done(Context ctx, ModerationAction action, int changed) {
    QueuePlace place = QueuePlace.from(ctx::formParam);
    ctx.redirect(place.url() + "&done=" + action.param() + "&n=" + changed, HttpStatus.SEE_OTHER);
  }

  private static ModerationAction action(Context ctx) {
    return ModerationAction.fromParam(ctx.formParam("action"))
        .orElseThrow(() -> new BadRequestResponse("Please choose an action."));
  }

  private static Optional<Long> id(String raw) {
    try {
      return Optional.of(Long.parseLong(raw.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String notice(String done, String n) {
    if ("reply".equals(done)) {
      return "Reply posted.";
    }
    if ("edit".equals(done)) {
      return "Comment saved.";
    }
    Optional<ModerationAction> action = ModerationAction.fromParam(done);
    Optional<Long> count = n == null ? Optional.empty() : id(n);
    if (action.isEmpty() || count.isEmpty() || count.get() < 0 || count.get() > 100_000) {
      return "";
    }
    return action.get().notice(count.get().intValue());
  }

  private QueueViews.Row row(QueueRow r, Formats formats) {
    String provider =
        r.identityProvider() == null
            ? (r.userId() != null ? "staff account" : "")
            : r.identityProvider()
                + (r.identityName() == null ? "" : " (" + r.identityName() + ")");
    String postUrl =
        reader.visiblePost(r.postId()).map(p -> Permalinks.post(p, formats.zone())).orElse("");
    return new QueueViews.Row(
        r.id(),
        r.status().name().toLowerCase(Locale.ROOT),
        r.authorName(),
        nonNull(r.authorEmail()),
        nonNull(r.authorUrl()),
        nonNull(r.clientIp()),
        provider,
        formats.dateTime(r.createdAt()),
        r.postTitle(),
        postUrl,
        r.bodyHtml(),
        nonNull(r.heldReason()),
        ModerationAction.forStatus(r.status()).stream()
            .map(a -> new QueueViews.Action(a.param(), a.label()))
            .toList(),
        r.userId() != null,
        r.replyTo()
            .map(
                p ->
                    new QueueViews.ReplyTo(
                        p.authorName(), p.opening(), "/admin/comments/" + p.id() + "/edit"))
            .orElse(null));
  }

  private static String label(QueueView view) {
    return view.name().charAt(0) + view.name().substring(1).toLowerCase(Locale.ROOT);
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
