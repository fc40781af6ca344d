package blog.web.post;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentService;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.ThreadedComment;
import blog.core.editor.Actor;
import blog.core.identity.CommenterIdentity;
import blog.core.identity.User;
import blog.core.login.EmailSignIn;
import blog.core.moderation.ModerationRights;
import blog.core.post.Post;
import blog.core.reading.CommentAlone;
import blog.core.reading.CommentPageRequest;
import blog.core.reading.PostDetail;
import blog.core.site.SiteSettings;
import blog.web.site.Avatars;
import blog.web.site.PathParams;
import blog.web.site.Shown;
import blog.web.theme.KeptHtml;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The comments area of a post page as this browser sees it: the page of threads, its own comments
 * editable for a while, the reply form (where it sits, what was typed, what was wrong) and an edit
 * form when one is open.
 */
final class CommentSection {
  private final CommentService comments;
  private final PostViews views;
  private final ReplyFormParts parts;
  private final Clock clock;
  private final CommentFragments fragments;

  CommentSection(
      CommentService comments,
      PostViews views,
      ReplyFormParts parts,
      Clock clock,
      CommentFragments fragments) {
    this.fragments = fragments;
    this.comments = comments;
    this.views = views;
    this.parts = parts;
    this.clock = clock;
  }

  /** What the threads as everyone sees them are drawn from, besides the comments read. */
  private record EveryonesInputs(
      String permalink,
      SiteSettings site,
      DiscussionSettings discussion,
      boolean open,
      long theme) {}

  /**
   * The threads as everyone sees them, and all of them as one piece of HTML with its bytes ({@code
   * ""} if a thread has no kept HTML): what the page prints in place of the threads one by one.
   */
  private record Everyones(EveryonesInputs inputs, List<CommentView> threads, Object html) {}

  private static final Everyones NOT_SHARED = new Everyones(null, List.of(), "");

  /**
   * The threads as a reader with no comment of their own sees them (no staff links, the reply form
   * at the end), by the page of comments they were drawn from — compared by identity: a page of
   * comments is kept as read, per version of the post's page ({@link blog.core.reading.KeptReads}),
   * so the same page read again is the same object. A page of threads costs no view or lookup of
   * its pieces while the comments stay as they are.
   */
  private final Cache<PostDetail, Everyones> everyones =
      Caffeine.newBuilder().weakKeys().maximumSize(256).build();

  private Everyones everyones(
      PostDetail detail,
      String permalink,
      SiteSettings site,
      DiscussionSettings discussion,
      boolean open) {
    EveryonesInputs inputs =
        new EveryonesInputs(permalink, site, discussion, open, fragments.themeVersion());
    Everyones kept = everyones.getIfPresent(detail);
    if (kept != null && kept.inputs().equals(inputs)) {
      return kept;
    }
    List<CommentView> threads =
        fragments.kept(
            thread(
                Set.of(),
                detail.comments(),
                detail.identities(),
                detail.summary().post(),
                site,
                permalink,
                open,
                discussion,
                false),
            0L);
    StringBuilder html = new StringBuilder();
    for (CommentView thread : threads) {
      if (thread.threadHtml().isEmpty()) {
        html = null;
        break;
      }
      html.append(thread.threadHtml());
    }
    Everyones made =
        new Everyones(inputs, threads, html == null ? "" : new KeptHtml(html.toString()));
    everyones.put(detail, made);
    return made;
  }

  /** The template variables of the comments area. */
  Map<String, Object> model(
      Context ctx,
      PostDetail detail,
      String permalink,
      SiteSettings site,
      DiscussionSettings discussion,
      boolean open,
      CommentForm form,
      List<FieldError> errors,
      EditState editing) {
    Post post = detail.summary().post();
    StaffView staff = staff(ctx, post);
    // A discussion on one page is served as page 1 whatever page the path names: a
    // comment-page-N/ that is not the page served would copy another address's page.
    String asked = ctx.pathParamMap().get("cpage");
    if (detail.commentPage() > detail.commentPages()
        || (asked != null && PathParams.number(asked, "comment page") != detail.commentPage())) {
      throw new NotFoundException("comment page " + asked);
    }
    Set<Long> mine = parts.own().ids(ctx);
    ReplyFormView replyForm =
        formView(ctx, post, permalink, form, errors, discussion, detail, staff);
    boolean formShown = open || replyForm.hasErrors();
    long formUnder = formShown && replyForm.isReply() ? replyForm.replyTo() : 0L;
    Everyones shared =
        mine.isEmpty() && staff == null && formUnder == 0
            ? everyones(detail, permalink, site, discussion, open)
            : NOT_SHARED;
    List<CommentView> thread =
        shared != NOT_SHARED
            ? shared.threads()
            : fragments.kept(
                thread(
                    mine,
                    detail.comments(),
                    detail.identities(),
                    post,
                    site,
                    permalink,
                    open,
                    discussion,
                    staff != null && staff.moderates()),
                formUnder);
    EditState shownEdit = editableOnly(editing, thread);
    return Map.of(
        "staff",
        staff == null ? StaffView.NONE : staff,
        "comments",
        thread,
        "threadsHtml",
        shared.html(),
        "form",
        replyForm,
        "formUnder",
        formUnder,
        "editing",
        shownEdit,
        "notice",
        shownEdit == editing ? "" : editing.error(),
        "commentPages",
        new CommentPagesView(
            detail.commentPage() > 1 ? commentPageUrl(permalink, detail.commentPage() - 1) : null,
            detail.commentPage() < detail.commentPages()
                ? commentPageUrl(permalink, detail.commentPage() + 1)
                : null,
            discussion.newestFirst()));
  }

  /**
   * The variables for one comment rendered alone (after an in-place submission); {@code mine} are
   * this browser's comments, the new one included.
   */
  Map<String, Object> fragment(
      Context ctx,
      Post post,
      CommentAlone alone,
      String permalink,
      SiteSettings site,
      boolean open,
      Set<Long> mine) {
    List<CommentView> shown =
        thread(
            mine,
            List.of(alone.comment()),
            alone.identities(),
            post,
            site,
            permalink,
            open,
            comments.discussion(),
            moderates(ctx, post));
    return Map.of(
        "comment",
        fragments.kept(shown, 0L).get(0),
        "formUnder",
        0L,
        "editing",
        EditState.NONE,
        "form",
        Map.of("csrfToken", parts.csrf().token(ctx)));
  }

  /** {@code ?editcomment=ID}: the author's own comment, in an edit form with its source text. */
  EditState editRequest(String raw, List<ThreadedComment> threads) {
    return replyTarget(raw, threads, false)
        .map(c -> new EditState(c.id(), c.bodySource(), ""))
        .orElse(EditState.NONE);
  }

  /** The comment tree as this browser sees it: its own ({@code mine}) can be edited a while. */
  private List<CommentView> thread(
      Set<Long> mine,
      List<ThreadedComment> threads,
      Map<Long, CommenterIdentity> identities,
      Post post,
      SiteSettings site,
      String permalink,
      boolean open,
      DiscussionSettings discussion,
      boolean moderated) {
    Instant now = clock.instant();
    Duration window = Duration.ofMinutes(discussion.editWindowMinutes());
    return views.comments(
        threads,
        site,
        new ThreadOptions(
            permalink,
            open ? discussion.threadDepth() - 1 : 0,
            c -> mine.contains(c.id()) && c.editableAt(now, window),
            discussion.avatars(),
            identities,
            post,
            moderated));
  }

  /**
   * The staff member reading with their admin session, and what of this post they may change; null
   * for everyone else. A page that shows it is theirs alone: never kept for other readers.
   */
  private StaffView staff(Context ctx, Post post) {
    Optional<User> user = parts.staff().user(ctx);
    if (user.isEmpty()) {
      return null;
    }
    Shown.personal(ctx);
    User who = user.get();
    return new StaffView(
        who.displayName(),
        Avatars.url(who.displayName()),
        Actor.of(who).mayEdit(post) ? StaffView.postEditUrl(post.id()) : "",
        ModerationRights.mayModerate(who, post));
  }

  private boolean moderates(Context ctx, Post post) {
    Optional<User> user = parts.staff().user(ctx);
    if (user.isPresent()) {
      Shown.personal(ctx);
    }
    return user.filter(who -> ModerationRights.mayModerate(who, post)).isPresent();
  }

  /**
   * Which page of comments to show: the one in the path ({@code comment-page-N}), else the page
   * with the comment being edited ({@code editing}, 0 if none) or answered, else the first.
   */
  static CommentPageRequest pageRequest(Context ctx, CommentForm form, long editing) {
    String raw = ctx.pathParamMap().get("cpage");
    if (raw != null) {
      return CommentPageRequest.page(PathParams.number(raw, "comment page"));
    }
    long focus = editing;
    if (focus == 0 && form.parentId() != null && form.parentId().matches("[0-9]{1,18}")) {
      focus = Long.parseLong(form.parentId());
    }
    return focus == 0 ? CommentPageRequest.first() : CommentPageRequest.showing(focus);
  }

  /** Where a comment can be read: its page of comments and its anchor. */
  static String commentUrl(String permalink, int page, long commentId) {
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
      PostDetail detail,
      StaffView staff) {
    Optional<Comment> parent = replyTarget(form.parentId(), detail.comments());
    return new ReplyFormView(
        post.id(),
        parent.map(Comment::id).orElse(0L),
        parent.map(Comment::authorName).orElse(""),
        permalink + "#respond",
        parts.tokens().issue(ctx, post.id(), clock.instant()),
        parts.csrf().token(ctx),
        nonNull(form.name()),
        nonNull(form.email()),
        nonNull(form.url()),
        nonNull(form.body()),
        form.remember(),
        form.notifyFollowUps(),
        form.notifyPosts(),
        parts.mailEnabled(),
        discussion.requireNameAndEmail(),
        discussion.maxLength(),
        errors,
        parts
            .commenters()
            .identity(ctx)
            .map(
                who ->
                    new CommenterView(
                        who.displayName(),
                        who.avatarUrl() != null ? who.avatarUrl() : Avatars.url(who.displayName()),
                        parts.logins().label(who.provider()),
                        EmailSignIn.PROVIDER.equals(who.provider()),
                        EmailSignIn.PROVIDER.equals(who.provider())
                            ? !parts.mailEnabled()
                            : !parts.logins().offers(who.provider())))
            .orElse(null),
        parts.logins().buttons(),
        staff,
        parts.offersSharing(post.id()),
        form.shareWithFediverse());
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
