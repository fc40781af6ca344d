package blog.web.admin.posts;

import blog.core.NotFoundException;
import blog.core.editor.Actor;
import blog.core.editor.PostEditor;
import blog.core.editor.PostHistory;
import blog.core.editor.Revision;
import blog.core.editor.RevisionDiff;
import blog.core.editor.SaveResult;
import blog.core.editor.Saved;
import blog.core.post.Post;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A post's revisions: the list, one revision compared with the post now, and restoring it. */
public final class RevisionHandlers {
  /** One revision in the list. */
  public record Row(long id, int version, String who, String kind, String date, String url) {}

  private final PostHistory history;
  private final PostEditor editor;
  private final AdminScreens screens;

  RevisionHandlers(EditorServices services, AdminScreens screens) {
    this.history = services.history();
    this.editor = services.editor();
    this.screens = screens;
  }

  /** {@code GET /admin/posts/{id}/revisions} */
  public void list(Context ctx) {
    long id = AdminScreens.id(ctx, "id");
    Actor actor = screens.actor(ctx);
    Post post = editor.open(actor, id).post();
    List<Row> rows = history.revisions(actor, id).stream().map(r -> row(id, r)).toList();
    screens.render(
        ctx,
        "admin/posts/revisions",
        "Revisions",
        Map.of("post", post, "rows", rows, "editUrl", "/admin/posts/" + id + "/edit"));
  }

  /** {@code GET /admin/posts/{id}/revisions/{rev}}: what changed from it to the post now. */
  public void show(Context ctx) {
    show(ctx, "");
  }

  private void show(Context ctx, String notice) {
    long id = AdminScreens.id(ctx, "id");
    long rev = AdminScreens.id(ctx, "rev");
    Actor actor = screens.actor(ctx);
    Post post = editor.open(actor, id).post();
    Revision revision =
        history.revision(actor, id, rev).orElseThrow(() -> new NotFoundException("revision"));
    RevisionDiff diff = history.diffWithCurrent(actor, id, rev);
    screens.render(
        ctx,
        "admin/posts/revision",
        "Revision",
        Map.of(
            "post",
            post,
            "revision",
            row(id, revision),
            "identical",
            diff.identical(),
            "parts",
            List.of(
                DiffLine.of(diff.title()), DiffLine.of(diff.body()), DiffLine.of(diff.excerpt())),
            "restoreUrl",
            "/admin/posts/" + id + "/revisions/" + rev + "/restore",
            "editUrl",
            "/admin/posts/" + id + "/edit",
            "notice",
            notice));
  }

  /** {@code POST /admin/posts/{id}/revisions/{rev}/restore} with the post's {@code version}. */
  public void restore(Context ctx) {
    long id = AdminScreens.id(ctx, "id");
    long rev = AdminScreens.id(ctx, "rev");
    SaveResult result =
        editor.restoreRevision(screens.actor(ctx), id, rev, AdminScreens.version(ctx));
    if (result instanceof Saved) {
      ctx.redirect("/admin/posts/" + id + "/edit?saved=1", HttpStatus.SEE_OTHER);
      return;
    }
    // The post changed since the revision page was loaded (or is in the trash): show it again.
    ctx.status(HttpStatus.CONFLICT);
    show(
        ctx,
        "Nothing was restored: the post was changed (or moved to the trash) after this page was"
            + " opened. Here is the comparison with the post as it is now; restore again if you"
            + " still want this revision.");
  }

  private Row row(long postId, Revision r) {
    return new Row(
        r.id(),
        r.postVersion(),
        r.userName() == null ? "(deleted account)" : r.userName(),
        r.kind().name().toLowerCase(Locale.ROOT),
        screens.shown(r.createdAt()),
        "/admin/posts/" + postId + "/revisions/" + r.id());
  }
}
