package blog.web.post;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentForm;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  public PostHandlers(
      BlogReader reader,
      CommentService comments,
      Pages pages,
      PostViews views,
      FormTokens tokens,
      Csrf csrf,
      OwnComments own,
      RememberedCommenter remembered,
      Clock clock) {
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
    show(ctx, detail, form.replyingTo(replyTo == null ? "" : replyTo), List.of(), HttpStatus.OK);
  }

  /** The post page again with the reply form as it was sent and what was wrong with it. */
  public void showRefusedForm(
      Context ctx, Post post, CommentForm form, List<FieldError> errors, HttpStatus status) {
    show(ctx, reader.post(post.slug(), own.ids(ctx)), form, errors, status);
  }

  private void show(
      Context ctx,
      PostDetail detail,
      CommentForm form,
      List<FieldError> errors,
      HttpStatus status) {
    SiteSettings site = reader.site();
    DiscussionSettings discussion = comments.discussion();
    Post post = detail.summary().post();
    boolean open = CommentService.isOpen(post, discussion, clock.instant());
    PostView view = views.post(detail.summary(), site, open);
    List<CommentView> thread =
        views.comments(
            detail.comments(),
            site,
            view.permalink(),
            open ? discussion.threadDepth() - 1 : 0,
            discussion.avatars());
    ReplyFormView replyForm =
        formView(ctx, post, view.permalink(), form, errors, discussion, detail);
    boolean formShown = open || replyForm.hasErrors();
    Map<String, Object> model =
        Map.of(
            "post", view,
            "comments", thread,
            "form", replyForm,
            "formUnder", formShown && replyForm.isReply() ? replyForm.replyTo() : 0L);
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
        find(
                views.comments(
                    detail.comments(),
                    site,
                    permalink,
                    open ? discussion.threadDepth() - 1 : 0,
                    discussion.avatars()),
                commentId)
            .orElseThrow(() -> new NotFoundException("comment " + commentId));
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Form-Token", tokens.issue(post.id(), clock.instant()));
    Pages.write(ctx, pages.fragment("post/comment", Map.of("comment", view, "formUnder", 0L)));
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
        discussion.requireNameAndEmail(),
        discussion.maxLength(),
        errors);
  }

  /** The approved comment being answered, if the id names one on this page. */
  private static Optional<Comment> replyTarget(String raw, List<ThreadedComment> threads) {
    if (raw == null || !raw.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(raw);
    for (ThreadedComment t : threads) {
      if (t.comment().id() == id && t.comment().status() == CommentStatus.APPROVED) {
        return Optional.of(t.comment());
      }
      Optional<Comment> below = replyTarget(raw, t.replies());
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
