package blog.web.post;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentService;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.editor.OldPermalinks;
import blog.core.post.Post;
import blog.core.post.PostPage;
import blog.core.reading.BlogReader;
import blog.core.reading.CommentAlone;
import blog.core.reading.KeptReads;
import blog.core.reading.PostDetail;
import blog.core.reading.ThreadStarts;
import blog.core.site.SiteSettings;
import blog.web.auth.FormDrafts;
import blog.web.seo.KeptPostMeta;
import blog.web.site.KeptFragments;
import blog.web.site.PageMeta;
import blog.web.site.Pages;
import blog.web.site.PathParams;
import blog.web.site.Permalinks;
import blog.web.site.Shown;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The home page, its later pages and single posts with their reply form. */
public final class PostHandlers {
  private final BlogReader reader;
  private final KeptReads kept;
  private final CommentService comments;
  private final Pages pages;
  private final PostViews views;
  private final ReplyFormParts parts;
  private final Clock clock;
  private final CommentSection section;
  private final OldPermalinks oldPermalinks;
  private final ThreadStarts threadStarts;
  private final KeptPostMeta meta;

  /** About how many characters of posts and their heads {@link #meta} keeps (some 8 MB). */
  private static final long META_CHARS = 4L << 20;

  private final PostReactions reactions;
  private final KeptFragments fragments;

  /** What a post's article shows, all of it: its kept HTML's key. */
  private record EntryShows(PostView post, String fediverse, PostReactions.Counts reactions) {}

  public PostHandlers(
      BlogReader reader,
      CommentService comments,
      Pages pages,
      PostViews views,
      ReplyFormParts parts,
      Clock clock,
      OldPermalinks oldPermalinks,
      ThreadStarts threadStarts,
      PostReactions reactions,
      KeptFragments fragments,
      KeptReads kept) {
    this.reactions = reactions;
    this.fragments = fragments;
    this.kept = kept;
    this.threadStarts = threadStarts;
    this.reader = reader;
    this.comments = comments;
    this.pages = pages;
    this.meta = new KeptPostMeta(pages.urls(), META_CHARS);
    this.views = views;
    this.parts = parts;
    this.clock = clock;
    this.oldPermalinks = oldPermalinks;
    this.section =
        new CommentSection(comments, views, parts, clock, new CommentFragments(fragments));
  }

  /** {@code GET /} and {@code GET /page/{page}/} */
  public void home(Context ctx) {
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    // Later pages start where the kept page starts say: a keyset read, not skipping rows; kept.
    PostPage shown = kept.home(page);
    Shown.listing(ctx, shown.posts());
    ListingView listing = views.listing(null, shown, "/", site);
    pages.render(
        ctx,
        "post/home",
        page > 1 ? "Page " + page : null,
        Map.of("listing", listing, "meta", PageMeta.at(Permalinks.page("/", page), null)));
  }

  /**
   * {@code GET /{year}/{month}/{day}/{slug}/}. A post found under the wrong date (its date changed,
   * or a link was mistyped) moves permanently to its real permalink, as WordPress does. {@code
   * ?replytocom=ID} puts the reply form under that comment, for browsers without JavaScript.
   */
  public void single(Context ctx) {
    LocalDate day =
        PathParams.date(ctx.pathParam("year"), ctx.pathParam("month"), ctx.pathParam("day"));
    Optional<Post> found = kept.visiblePost(ctx.pathParam("slug"));
    if (found.isEmpty()) {
      // A slug changed after publication: its old links move permanently to the new one.
      Post moved =
          oldPermalinks
              .findByOldSlug(ctx.pathParam("slug"))
              .orElseThrow(() -> new NotFoundException("post " + ctx.pathParam("slug")));
      ctx.redirect(Permalinks.post(moved, reader.site().timeZone()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    Post post = found.get();
    String cpage = ctx.pathParamMap().get("cpage");
    // Comment page 1 is the post itself (as WordPress redirects it): one address for one page.
    if (!reader.permalinkDate(post).equals(day)
        || (cpage != null && PathParams.number(cpage, "comment page") == 1)) {
      ctx.redirect(Permalinks.post(post, reader.site().timeZone()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    showFresh(ctx, post);
  }

  /** A post or page as a GET shows it: the reply form empty, remembered or restored. */
  private void showFresh(Context ctx, Post post) {
    CommentForm form =
        parts
            .remembered()
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
    form = form.replyingTo(replyTo == null ? "" : replyTo);
    List<FieldError> notes = List.of();
    Optional<FormDrafts.Restored> restored = parts.drafts().take(ctx, ctx.queryParam("draft"));
    if (restored.isPresent() && restored.get().form().postId().equals(Long.toString(post.id()))) {
      form = restored.get().form();
      String message = restored.get().message();
      notes =
          message == null || message.isEmpty()
              ? List.of()
              : List.of(new FieldError(FieldError.NOTICE, message));
    }
    String editRaw = ctx.queryParam("editcomment");
    long editing = editRaw != null && editRaw.matches("[0-9]{1,18}") ? Long.parseLong(editRaw) : 0;
    DiscussionSettings discussion = comments.discussion();
    PostDetail detail = read(ctx, post, discussion, form, editing);
    show(
        ctx,
        detail,
        discussion,
        form,
        notes,
        HttpStatus.OK,
        section.editRequest(editRaw, detail.comments()));
  }

  /**
   * {@code GET /<path>/}: a page, named by the path's last segment. WordPress nests pages ({@code
   * /about/team/}); here a page's address is its slug alone ({@code /team/}), and a nested path
   * ending in it, or a slug the page had before, moves there permanently. So does {@code /slug/} of
   * a post, WordPress's "post name" permalink.
   */
  public void page(Context ctx) {
    List<String> segments = PathParams.segments(ctx.path());
    if (segments.isEmpty()) {
      throw new NotFoundException("page " + ctx.path());
    }
    String slug = segments.get(segments.size() - 1);
    Optional<Post> found = reader.readablePage(slug);
    if (found.isEmpty()) {
      // A slug the page (or a post) had before, or a post's WordPress "/%postname%/" address.
      Post moved =
          oldPermalinks
              .findByOldSlug(slug)
              .or(() -> reader.visiblePost(slug))
              .orElseThrow(() -> new NotFoundException("page " + slug));
      ctx.redirect(Permalinks.post(moved, reader.site().timeZone()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    if (segments.size() > 1) {
      ctx.redirect(
          Permalinks.post(found.get(), reader.site().timeZone()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    showFresh(ctx, found.get());
  }

  /** The post page again with the reply form as it was sent and what was wrong with it. */
  public void showRefusedForm(
      Context ctx, Post post, CommentForm form, List<FieldError> errors, HttpStatus status) {
    DiscussionSettings discussion = comments.discussion();
    show(
        ctx,
        read(ctx, post, discussion, form, 0),
        discussion,
        form,
        errors,
        status,
        EditState.NONE);
  }

  /** The post page with a comment's edit form as it was sent and what was wrong with it. */
  public void showRefusedEdit(Context ctx, Post post, EditState editing) {
    DiscussionSettings discussion = comments.discussion();
    CommentForm form = CommentForm.empty(post.id());
    show(
        ctx,
        read(ctx, post, discussion, form, editing.commentId()),
        discussion,
        form,
        List.of(),
        HttpStatus.UNPROCESSABLE_CONTENT,
        editing);
  }

  /**
   * The post with the page of comments this request asks for ({@code editing}: the comment whose
   * edit form is open, 0 if none), as this browser sees it.
   */
  private PostDetail read(
      Context ctx, Post post, DiscussionSettings discussion, CommentForm form, long editing) {
    return kept.detail(
        post,
        parts.own().ids(ctx),
        discussion,
        CommentSection.pageRequest(ctx, form, editing),
        threadStarts);
  }

  /** {@code discussion} is read once per page: the settings live in the database. */
  private void show(
      Context ctx,
      PostDetail detail,
      DiscussionSettings discussion,
      CommentForm form,
      List<FieldError> errors,
      HttpStatus status,
      EditState editing) {
    SiteSettings site = reader.site();
    Post post = detail.summary().post();
    boolean open = CommentService.isOpen(post, discussion, clock.instant());
    PostView view = views.post(detail.summary(), site, open);
    Map<String, Object> model =
        new HashMap<>(
            section.model(
                ctx, detail, view.permalink(), site, discussion, open, form, errors, editing));
    PostReactions.Counts counts = reactions.of(post.id());
    String fediverse =
        parts.federation() == null
            ? ""
            : PostViews.reactions(parts.federation().reactions().counts(post.id()));
    model.put("post", view);
    model.put("reactions", counts);
    model.put("fediverse", fediverse);
    model.put("entryHtml", entryHtml(view, fediverse, counts, (StaffView) model.get("staff")));
    String cpage = ctx.pathParamMap().get("cpage");
    model.put(
        "meta",
        meta.of(
            detail.summary(),
            view.permalink(),
            cpage == null ? view.permalink() : view.permalink() + "comment-page-" + cpage + "/",
            view.excerpt(),
            site));
    // The page carries tokens for this browser: no shared cache may keep it (nor any cache a page
    // for staff, which says no-store already).
    if (!Shown.isPersonal(ctx)) {
      ctx.header("Cache-Control", "private, no-cache");
    }
    // Nothing on it but this post and its comments changes with comments: other posts' comments
    // leave it kept.
    Shown.post(ctx, post.id());
    ctx.status(status);
    pages.render(ctx, "post/single", view.title(), model);
  }

  /**
   * The post's article as every reader sees it, kept per version of what it shows; empty for staff
   * who may edit the post (its "Edit" link is theirs alone), for whom the page renders it in place.
   */
  private String entryHtml(
      PostView view, String fediverse, PostReactions.Counts counts, StaffView staff) {
    if (!staff.postEditUrl().isEmpty()) {
      return "";
    }
    return fragments.render(
        "post/entry",
        new EntryShows(view, fediverse, counts),
        () ->
            Map.of(
                "post",
                view,
                "staff",
                StaffView.NONE,
                "fediverse",
                fediverse,
                "reactions",
                counts));
  }

  /**
   * One comment as a list item, for the page's script to insert after an in-place submission, with
   * a fresh form token in {@code X-Form-Token} for the next comment.
   */
  public void commentFragment(Context ctx, Post post, Comment stored) {
    long commentId = stored.id();
    // This browser has just written the comment: the cookie that names it as theirs arrives with
    // this answer, so without it here a held comment would not be found for its author, nor
    // offered to them for editing.
    Set<Long> own = new LinkedHashSet<>(parts.own().ids(ctx));
    if (parts.staff().user(ctx).isEmpty()) {
      own.add(commentId); // staff change theirs on the moderation screen, as every other
    }
    if (!post.isVisibleAt(clock.instant())) {
      throw new NotFoundException("post " + post.id());
    }
    CommentAlone alone =
        reader
            .shownComment(post, stored, own)
            .orElseThrow(() -> new NotFoundException("comment " + commentId));
    SiteSettings site = reader.site();
    boolean open = CommentService.isOpen(post, comments.discussion(), clock.instant());
    String permalink = Permalinks.post(post, site.timeZone());
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Form-Token", parts.tokens().issue(post.id(), clock.instant()));
    Pages.write(
        ctx,
        pages.fragment(
            "post/comment", section.fragment(ctx, post, alone, permalink, site, open, own)));
  }

  /** Where a comment can be read: its page of comments and its anchor. */
  public String commentUrl(Post post, long commentId) {
    return CommentSection.commentUrl(
        Permalinks.post(post, reader.site().timeZone()),
        reader.commentPageOf(post, commentId, comments.discussion(), threadStarts),
        commentId);
  }
}
