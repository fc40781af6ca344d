package blog.web.post;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentPages;
import blog.core.comment.CommentService;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.ThreadedComment;
import blog.core.post.Post;
import blog.core.reading.BlogReader;
import blog.core.reading.PostDetail;
import blog.core.site.SiteSettings;
import blog.web.security.Csrf;
import blog.web.site.Pages;
import blog.web.site.PathParams;
import blog.web.site.Permalinks;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The home page, its later pages and single posts with their reply form. */
public final class PostHandlers {
  private final BlogReader reader;
  private final CommentService comments;
  private final Pages pages;
  private final PostViews views;
  private final FormTokens tokens;
  private final Csrf csrf;
  private final OwnComments own;
  private final RememberedCommenter remembered;
  private final Clock clock;
  private final boolean mailEnabled;

  public PostHandlers(
      BlogReader reader,
      CommentService comments,
      Pages pages,
      PostViews views,
      FormTokens tokens,
      Csrf csrf,
      OwnComments own,
      RememberedCommenter remembered,
      Clock clock,
      boolean mailEnabled) {
    this.mailEnabled = mailEnabled;
    this.reader = reader;
    this.comments = comments;
    this.pages = pages;
    this.views = views;
    this.tokens = tokens;
    this.csrf = csrf;
    this.own = own;
    this.remembered = remembered;
    this.clock = clock;
  }

  /** {@code GET /} and {@code GET /page/{page}/} */
  public void home(Context ctx) {
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    ListingView listing = views.listing(null, reader.home(page), "/", site);
    pages.render(ctx, "post/home", page > 1 ? "Page " + page : null, Map.of("listing", listing));
  }

  /**
   * {@code GET /{year}/{month}/{day}/{slug}/}. A post found under the wrong date (its date changed,
   * or a link was mistyped) moves permanently to its real permalink, as WordPress does. {@code
   * ?replytocom=ID} puts the reply form under that comment, for browsers without JavaScript.
   */
  public void single(Context ctx) {
    LocalDate day =
        PathParams.date(ctx.pathParam("year"), ctx.pathParam("month"), ctx.pathParam("day"));
    PostDetail detail = reader.post(ctx.pathParam("slug"), own.ids(ctx));
    Post post = detail.summary().post();
    if (!reader.permalinkDate(post).equals(day)) {
      ctx.redirect(Permalinks.post(post, reader.site().timeZone()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    CommentForm form =
        remembered
            .get(ctx)
            .map(
                d ->
                    new CommentForm(
                        Long.toString(post.id()),
                        "",
                        d.name(),
                        d.email(),
                        d.url(),
                        "",
                        "",
                        false,
                        false,
                        true))
            .orElse(CommentForm.empty(post.id()));
    String replyTo = ctx.queryParam("replytocom");
    show(
        ctx,
        detail,
        form.replyingTo(replyTo == null ? "" : replyTo),
        List.of(),
        HttpStatus.OK,
        editRequest(ctx.queryParam("editcomment"), detail.comments()));
  }

  /** The post page again with the reply form as it was sent and what was wrong with it. */
  public void showRefusedForm(
      Context ctx, Post post, CommentForm form, List<FieldError> errors, HttpStatus status) {
    show(ctx, reader.post(post.slug(), own.ids(ctx)), form, errors, status, EditState.NONE);
  }

  /** The post page with a comment's edit form as it was sent and what was wrong with it. */
  public void showRefusedEdit(Context ctx, Post post, EditState editing) {
    show(
        ctx,
        reader.post(post.slug(), own.ids(ctx)),
        CommentForm.empty(post.id()),
        List.of(),
        HttpStatus.UNPROCESSABLE_CONTENT,
        editing);
  }

  /** {@code ?editcomment=ID}: the author's own comment, in an edit form with its source text. */
  private EditState editRequest(String raw, List<ThreadedComment> threads) {
    return replyTarget(raw, threads, false)
        .map(c -> new EditState(c.id(), c.bodySource(), ""))
        .orElse(EditState.NONE);
  }

  private void show(
      Context ctx,
      PostDetail detail,
      CommentForm form,
      List<FieldError> errors,
      HttpStatus status,
      EditState editing) {
    SiteSettings site = reader.site();
    DiscussionSettings discussion = comments.discussion();
    Post post = detail.summary().post();
    boolean open = CommentService.isOpen(post, discussion, clock.instant());
    PostView view = views.post(detail.summary(), site, open);
    CommentPages.Page commentPage =
        CommentPages.page(
            detail.comments(), discussion, commentPage(ctx, discussion, detail, form, editing));
    if (commentPage.page() > commentPage.totalPages()) {
      throw new NotFoundException("comment page " + commentPage.page());
    }
    List<CommentView> thread =
        thread(ctx, commentPage.threads(), site, view.permalink(), open, discussion);
    ReplyFormView replyForm =
        formView(ctx, post, view.permalink(), form, errors, discussion, detail);
    boolean formShown = open || replyForm.hasErrors();
    Map<String, Object> model =
        Map.of(
            "post",
            view,
            "comments",
            thread,
            "form",
            replyForm,
            "formUnder",
            formShown && replyForm.isReply() ? replyForm.replyTo() : 0L,
            "editing",
            editableOnly(editing, thread),
            "notice",
            editableOnly(editing, thread) == editing ? "" : editing.error(),
            "commentPages",
            new CommentPagesView(
                commentPage.page() > 1
                    ? commentPageUrl(view.permalink(), commentPage.page() - 1)
                    : null,
                commentPage.page() < commentPage.totalPages()
                    ? commentPageUrl(view.permalink(), commentPage.page() + 1)
                    : null,
                discussion.newestFirst()));
    // The page carries tokens for this browser: no shared cache may keep it.
    ctx.header("Cache-Control", "private, no-cache");
    ctx.status(status);
    pages.render(ctx, "post/single", view.title(), model);
  }

  /**
   * One comment as a list item, for the page's script to insert after an in-place submission, with
   * a fresh form token in {@code X-Form-Token} for the next comment.
   */
  public void commentFragment(Context ctx, Post post, long commentId) {
    PostDetail detail = reader.post(post.slug(), own.ids(ctx));
    SiteSettings site = reader.site();
    DiscussionSettings discussion = comments.discussion();
    boolean open = CommentService.isOpen(post, discussion, clock.instant());
    String permalink = Permalinks.post(post, site.timeZone());
    CommentView view =
        find(thread(ctx, detail.comments(), site, permalink, open, discussion), commentId)
            .orElseThrow(() -> new NotFoundException("comment " + commentId));
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Form-Token", tokens.issue(post.id(), clock.instant()));
    Pages.write(
        ctx,
        pages.fragment(
            "post/comment",
            Map.of(
                "comment",
                view,
                "formUnder",
                0L,
                "editing",
                EditState.NONE,
                "form",
                Map.of("csrfToken", csrf.token(ctx)))));
  }

  /** The comment tree as this browser sees it: its own comments can be edited for a while. */
  private List<CommentView> thread(
      Context ctx,
      List<ThreadedComment> threads,
      SiteSettings site,
      String permalink,
      boolean open,
      DiscussionSettings discussion) {
    Set<Long> mine = own.ids(ctx);
    Instant now = clock.instant();
    Duration window = Duration.ofMinutes(discussion.editWindowMinutes());
    return views.comments(
        threads,
        site,
        permalink,
        open ? discussion.threadDepth() - 1 : 0,
        c -> mine.contains(c.id()) && c.editableAt(now, window),
        discussion.avatars());
  }

  /**
   * Which page of comments to show: the one in the path ({@code comment-page-N}), else the page
   * with the comment being answered or edited, else the first.
   */
  private static int commentPage(
      Context ctx,
      DiscussionSettings discussion,
      PostDetail detail,
      CommentForm form,
      EditState editing) {
    String raw = ctx.pathParamMap().get("cpage");
    if (raw != null) {
      return PathParams.number(raw, "comment page");
    }
    long focus = editing.commentId();
    if (focus == 0 && form.parentId() != null && form.parentId().matches("[0-9]{1,18}")) {
      focus = Long.parseLong(form.parentId());
    }
    return focus == 0 ? 1 : CommentPages.pageOf(detail.comments(), discussion, focus);
  }

  /** Where a comment can be read: its page of comments and its anchor. */
  public String commentUrl(Post post, long commentId) {
    String permalink = Permalinks.post(post, reader.site().timeZone());
    int page =
        CommentPages.pageOf(
            reader.post(post.slug(), Set.of(commentId)).comments(),
            comments.discussion(),
            commentId);
    return commentPageUrl(permalink, page) + "#comment-" + commentId;
  }

  private static String commentPageUrl(String permalink, int page) {
    return page <= 1 ? permalink : permalink + "comment-page-" + page + "/";
  }

  /** An edit form is only shown for a comment that may still be edited. */
  private static EditState editableOnly(EditState editing, List<CommentView> thread) {
    return find(thread, editing.commentId()).filter(CommentView::editable).isPresent()
        ? editing
        : EditState.NONE;
  }

  private static Optional<CommentView> find(List<CommentView> views, long id) {
    for (CommentView view : views) {
      if (view.id() == id) {
        return Optional.of(view);
      }
      Optional<CommentView> below = find(view.replies(), id);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }

  private ReplyFormView formView(
      Context ctx,
      Post post,
      String permalink,
      CommentForm form,
      List<FieldError> errors,
      DiscussionSettings discussion,
      PostDetail detail) {
    Optional<Comment> parent = replyTarget(form.parentId(), detail.comments());
    return new ReplyFormView(
        post.id(),
        parent.map(Comment::id).orElse(0L),
        parent.map(Comment::authorName).orElse(""),
        permalink + "#respond",
        tokens.issue(post.id(), clock.instant()),
        csrf.token(ctx),
        nonNull(form.name()),
        nonNull(form.email()),
        nonNull(form.url()),
        nonNull(form.body()),
        form.remember(),
        form.notifyFollowUps(),
        form.notifyPosts(),
        mailEnabled,
        discussion.requireNameAndEmail(),
        discussion.maxLength(),
        errors);
  }

  /** The approved comment being answered, if the id names one on this page. */
  private static Optional<Comment> replyTarget(String raw, List<ThreadedComment> threads) {
    return replyTarget(raw, threads, true);
  }

  private static Optional<Comment> replyTarget(
      String raw, List<ThreadedComment> threads, boolean approvedOnly) {
    if (raw == null || !raw.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(raw);
    for (ThreadedComment t : threads) {
      if (t.comment().id() == id
          && (!approvedOnly || t.comment().status() == CommentStatus.APPROVED)) {
        return Optional.of(t.comment());
      }
      Optional<Comment> below = replyTarget(raw, t.replies(), approvedOnly);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
