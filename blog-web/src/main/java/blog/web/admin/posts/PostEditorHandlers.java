package blog.web.admin.posts;

import blog.core.comment.FieldError;
import blog.core.editor.Actor;
import blog.core.editor.AutosaveResult;
import blog.core.editor.Autosaves;
import blog.core.editor.EditConflict;
import blog.core.editor.EditablePost;
import blog.core.editor.Invalid;
import blog.core.editor.PostEditor;
import blog.core.editor.PostForm;
import blog.core.editor.PostText;
import blog.core.editor.SaveResult;
import blog.core.editor.Saved;
import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.taxonomy.Taxonomy;
import blog.core.text.MarkdownRenderer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The editor: new and existing posts, saving, preview and autosave. */
public final class PostEditorHandlers {
  private static final List<String> FIELDS =
      List.of(
          "form",
          "title",
          "slug",
          "body",
          "excerpt",
          "categories",
          "tags",
          "status",
          "publishAt",
          "author");

  /** One name in the author menu (admins only). */
  public record AuthorOption(long id, String name, boolean selected) {}

  /** Both sides of an edit conflict, so nothing typed is lost. */
  public record ConflictView(
      int storedVersion, String storedTitle, String storedBody, List<DiffLine> diff) {}

  /** An autosave newer than the post's last save, offered back. */
  public record AutosaveOffer(String savedAt, String action) {}

  private final PostEditor editor;
  private final Autosaves autosaves;
  private final MarkdownRenderer renderer;
  private final AdminScreens screens;
  private final SecureRandom random;

  PostEditorHandlers(EditorServices services, AdminScreens screens, SecureRandom random) {
    this.editor = services.editor();
    this.autosaves = services.autosaves();
    this.renderer = services.renderer();
    this.screens = screens;
    this.random = random;
  }

  /** {@code GET /admin/posts/new} */
  public void newPost(Context ctx) {
    EditorView view = EditorView.of(0, PostForm.blank(), 0, draftKey(), screens.zone());
    show(ctx, view, null, Page.plain(), HttpStatus.OK);
  }

  /** {@code GET /admin/posts/{id}/edit} */
  public void edit(Context ctx) {
    long id = AdminScreens.id(ctx, "id");
    EditablePost opened = editor.open(screens.actor(ctx), id);
    Post post = opened.post();
    EditorView view = EditorView.of(id, opened.form(), post.version(), "", screens.zone());
    Page page = Page.plain();
    page.notice =
        ctx.queryParam("saved") != null
            ? "Post saved."
            : "refused".equals(ctx.queryParam("autosave"))
                ? "The autosave was not restored: the post was saved again after it. Compare"
                    + " and copy what you need from the editor below."
                : "";
    opened
        .newerAutosave()
        .ifPresent(
            a ->
                page.autosaves.add(
                    new AutosaveOffer(
                        screens.shown(a.savedAt()), "/admin/posts/" + id + "/autosave/restore")));
    show(ctx, view, post, page, HttpStatus.OK);
  }

  /** {@code POST /admin/posts}: create, or (the Preview button) show the preview. */
  public void create(Context ctx) {
    EditorView view = EditorView.from(ctx, 0);
    if (wantsPreview(ctx)) {
      showPreview(ctx, view, null);
      return;
    }
    Actor actor = screens.actor(ctx);
    SaveResult result =
        editor.create(
            actor, view.toForm(screens.zone()), view.draftKey().isEmpty() ? null : view.draftKey());
    answer(ctx, view, null, result);
  }

  /** {@code POST /admin/posts/{id}} with the {@code version} the editor loaded. */
  public void update(Context ctx) {
    long id = AdminScreens.id(ctx, "id");
    Actor actor = screens.actor(ctx);
    EditorView view = EditorView.from(ctx, id);
    Post stored = editor.open(actor, id).post();
    if (wantsPreview(ctx)) {
      showPreview(ctx, view, stored);
      return;
    }
    answer(
        ctx, view, stored, editor.update(actor, id, view.version(), view.toForm(screens.zone())));
  }

  /** {@code POST /admin/posts/{id}/autosave/restore}: adopt the newer autosave. */
  public void restoreAutosave(Context ctx) {
    long id = AdminScreens.id(ctx, "id");
    SaveResult result = editor.promoteAutosave(screens.actor(ctx), id, AdminScreens.version(ctx));
    if (result instanceof Saved) {
      ctx.redirect("/admin/posts/" + id + "/edit?saved=1", HttpStatus.SEE_OTHER);
      return;
    }
    ctx.redirect("/admin/posts/" + id + "/edit?autosave=refused", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /admin/posts/preview}: the body as readers would see it (an HTML fragment). */
  public void preview(Context ctx) {
    ctx.contentType("text/html; charset=utf-8")
        .result(renderer.render(AdminScreens.nonNull(ctx.formParam("body"))));
  }

  /** {@code POST /admin/posts/{id}/autosave} (title, body, excerpt, version) */
  public void autosave(Context ctx) {
    AutosaveResult result =
        autosaves.autosave(
            screens.actor(ctx),
            AdminScreens.id(ctx, "id"),
            AdminScreens.version(ctx),
            typedText(ctx));
    answerAutosave(ctx, result);
  }

  /** {@code POST /admin/posts/autosave} (title, body, excerpt, draft_key) for a new post. */
  public void autosaveDraft(Context ctx) {
    answerAutosave(
        ctx,
        autosaves.autosaveDraft(
            screens.actor(ctx), AdminScreens.nonNull(ctx.formParam("draft_key")), typedText(ctx)));
  }

  private void answer(Context ctx, EditorView view, Post stored, SaveResult result) {
    if (result instanceof Saved saved) {
      ctx.redirect("/admin/posts/" + saved.post().id() + "/edit?saved=1", HttpStatus.SEE_OTHER);
    } else if (result instanceof Invalid invalid) {
      Page page = Page.plain();
      page.errors = invalid.errors();
      show(ctx, view, stored, page, HttpStatus.UNPROCESSABLE_CONTENT);
    } else {
      EditConflict conflict = (EditConflict) result;
      Page page = Page.plain();
      page.conflicts.add(
          new ConflictView(
              conflict.stored().version(),
              conflict.stored().title(),
              conflict.stored().bodyMarkdown(),
              DiffLine.of(conflict.bodyDiff())));
      // Saving again, after reading both, replaces the other save with what was typed here.
      show(
          ctx,
          view.withVersion(conflict.stored().version()),
          conflict.stored(),
          page,
          HttpStatus.CONFLICT);
    }
  }

  private void showPreview(Context ctx, EditorView view, Post stored) {
    Page page = Page.plain();
    page.preview = renderer.render(view.body());
    show(ctx, view, stored, page, HttpStatus.OK);
  }

  private void show(Context ctx, EditorView view, Post stored, Page page, HttpStatus status) {
    Map<String, String> errors = new HashMap<>();
    FIELDS.forEach(f -> errors.put(f, ""));
    for (FieldError e : page.errors) {
      String field = FIELDS.contains(e.field()) ? e.field() : "form";
      errors.merge(field, e.message(), (old, added) -> old.isEmpty() ? added : old + " " + added);
    }
    List<AuthorOption> authors = authorOptions(ctx, view, stored);
    if (authors.isEmpty() && !errors.get("author").isEmpty()) {
      // No author menu to show it next to.
      errors.merge("form", errors.get("author"), (old, added) -> (old + " " + added).strip());
    }
    Map<String, Object> model = new HashMap<>();
    model.put("form", view);
    model.put("errors", errors);
    model.put("notice", page.notice);
    // The preview is there from the start (an opened post, a refused save), not only once typed.
    model.put(
        "preview",
        page.preview.isEmpty() && !view.body().isBlank()
            ? renderer.render(view.body())
            : page.preview);
    model.put("previewDate", screens.formats().date(shownDate(stored)));
    model.put("previewIso", screens.formats().iso(shownDate(stored)));
    model.put("publication", publication(stored));
    model.put("conflicts", page.conflicts);
    model.put("autosaves", page.autosaves);
    model.put("zone", screens.zone().getId());
    model.put("authors", authors);
    model.put("categoryNames", editor.suggestions(Taxonomy.CATEGORY));
    model.put("tagNames", editor.suggestions(Taxonomy.TAG));
    model.put(
        "viewUrl",
        stored != null
                && (stored.status() == PostStatus.PUBLISHED
                    || stored.status() == PostStatus.SCHEDULED)
            ? screens.permalink(stored)
            : "");
    model.put("trashed", stored != null && stored.status() == PostStatus.TRASH);
    ctx.status(status);
    screens.render(ctx, "admin/posts/editor", view.isNew() ? "Add New Post" : "Edit Post", model);
  }

  /**
   * Where the post stands, with its date as readers see it: "Published on December 7, 2026 at 10:49
   * AM", "Scheduled for …", "Draft"; empty for a new or trashed post.
   */
  private String publication(Post stored) {
    if (stored == null) {
      return "";
    }
    if (stored.status() == PostStatus.DRAFT) {
      return "Draft";
    }
    boolean dated =
        stored.status() == PostStatus.PUBLISHED || stored.status() == PostStatus.SCHEDULED;
    if (!dated || stored.publishedAt() == null) {
      return "";
    }
    String at = screens.formats().dateTime(stored.publishedAt());
    return stored.isVisibleAt(screens.now()) ? "Published on " + at : "Scheduled for " + at;
  }

  /** The date the preview's byline shows: the post's own, or today for one not yet dated. */
  private Instant shownDate(Post stored) {
    return stored != null && stored.publishedAt() != null ? stored.publishedAt() : screens.now();
  }

  /** The author menu: empty for authors, who cannot give a post to someone else. */
  private List<AuthorOption> authorOptions(Context ctx, EditorView view, Post stored) {
    Actor actor = screens.actor(ctx);
    long current = stored != null ? stored.authorId() : actor.userId();
    String chosen = view.authorId().isBlank() ? Long.toString(current) : view.authorId().strip();
    return editor.authorChoices(actor).stream()
        .map(
            u ->
                new AuthorOption(
                    u.id(),
                    u.displayName() + " (" + u.username() + ")",
                    Long.toString(u.id()).equals(chosen)))
        .toList();
  }

  private static void answerAutosave(Context ctx, AutosaveResult result) {
    if (result instanceof Invalid invalid) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .contentType("text/plain; charset=utf-8")
          .result(invalid.errors().get(0).message());
      return;
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static PostText typedText(Context ctx) {
    return new PostText(ctx.formParam("title"), ctx.formParam("body"), ctx.formParam("excerpt"));
  }

  private static boolean wantsPreview(Context ctx) {
    return ctx.formParam("preview") != null;
  }

  private String draftKey() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What the editor page shows besides the fields. */
  private static final class Page {
    String notice = "";
    String preview = "";
    List<FieldError> errors = List.of();
    final List<ConflictView> conflicts = new java.util.ArrayList<>();
    final List<AutosaveOffer> autosaves = new java.util.ArrayList<>();

    static Page plain() {
      return new Page();
    }
  }
}
