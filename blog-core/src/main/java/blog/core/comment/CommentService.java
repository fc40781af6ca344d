package blog.core.comment;

import blog.core.comment.check.BlocklistCheck;
import blog.core.comment.check.CommentCheck;
import blog.core.comment.check.DuplicateCheck;
import blog.core.comment.check.FirstCommentCheck;
import blog.core.comment.check.FloodCheck;
import blog.core.comment.check.HoneypotCheck;
import blog.core.comment.check.LinkCountCheck;
import blog.core.comment.check.MinimumTimeCheck;
import blog.core.comment.check.Verdict;
import blog.core.db.Transactions;
import blog.core.db.UniqueViolations;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Takes a comment from the reply form to the database: field checks, the anti-spam and moderation
 * rules, rendering, and storage exactly once per form (its submission key).
 */
public final class CommentService {
  /** What became of a submission. */
  public sealed interface Outcome {
    /** Stored (approved, held or as spam), or stored already by an earlier try of this form. */
    record Stored(Comment comment) implements Outcome {}

    /** Not stored; the messages say why, per field. */
    record Refused(List<FieldError> errors) implements Outcome {
      public Refused {
        errors = List.copyOf(errors);
      }
    }
  }

  private final PostRepository posts;
  private final CommentRepository comments;
  private final SettingsRepository settings;
  private final CommentRenderer renderer;
  private final List<CommentCheck> checks;
  private final Transactions transactions;
  private final CommentNotifications notifications;

  public CommentService(
      PostRepository posts,
      CommentRepository comments,
      SettingsRepository settings,
      CommentRenderer renderer,
      List<CommentCheck> checks,
      Transactions transactions,
      CommentNotifications notifications) {
    this.posts = posts;
    this.comments = comments;
    this.settings = settings;
    this.renderer = renderer;
    this.checks = List.copyOf(checks);
    this.transactions = transactions;
    this.notifications = notifications;
  }

  /** The rules every blog runs, cheapest and most certain first. */
  public static List<CommentCheck> standardChecks(CommentRepository comments) {
    return List.of(
        new HoneypotCheck(),
        new MinimumTimeCheck(),
        new FloodCheck(comments),
        new DuplicateCheck(comments),
        new BlocklistCheck(),
        new LinkCountCheck(),
        new FirstCommentCheck(comments));
  }

  /** The post a comment belongs to (any status). */
  public Optional<Long> postOf(long commentId) {
    return comments.findById(commentId).map(Comment::postId);
  }

  /** The discussion settings for showing comments: kept in memory per listing version. */
  public DiscussionSettings discussion() {
    return DiscussionSettings.from(settings.content());
  }

  /** Whether a post takes comments now: open, and not past the automatic closing age. */
  public static boolean isOpen(Post post, DiscussionSettings settings, Instant now) {
    if (!post.commentsOpen()) {
      return false;
    }
    return settings.closeAfterDays() == 0
        || post.publishedAt() == null
        || now.isBefore(post.publishedAt().plus(Duration.ofDays(settings.closeAfterDays())));
  }

  public Outcome submit(CommentForm form, SubmissionContext ctx) {
    return submit(form, parseId(form.postId()).flatMap(posts::findById), ctx);
  }

  /**
   * {@link #submit(CommentForm, SubmissionContext)} for a caller that has read the post the form
   * names already (to show it again with the form).
   */
  public Outcome submit(CommentForm form, Post post, SubmissionContext ctx) {
    boolean named = parseId(form.postId()).filter(id -> id == post.id()).isPresent();
    return submit(form, named ? Optional.of(post) : Optional.empty(), ctx);
  }

  private Outcome submit(CommentForm form, Optional<Post> post, SubmissionContext ctx) {
    Outcome outcome = decide(form, post, ctx);
    if (outcome instanceof Outcome.Refused) {
      // Another try of a form that was stored already (a double click, a retry after a lost
      // answer) is that comment, whatever would refuse it now. A try that passes every check
      // meets the unique submission key when it is stored instead (see store).
      Optional<Comment> earlier = comments.findBySubmissionKey(ctx.submissionKey());
      if (earlier.isPresent()) {
        return new Outcome.Stored(earlier.get());
      }
    }
    return outcome;
  }

  private Outcome decide(CommentForm form, Optional<Post> post, SubmissionContext ctx) {
    // What decides a stored comment's fate is read from the database, never a kept copy: a
    // moderation setting changed on another instance a moment ago applies to this comment.
    DiscussionSettings discussion = DiscussionSettings.from(settings.all());
    if (post.isEmpty() || !post.get().isVisibleAt(ctx.now())) {
      return refused(FieldError.FORM, "This post cannot be found.");
    }
    if (!isOpen(post.get(), discussion, ctx.now())) {
      return refused(FieldError.FORM, "Comments are closed on this post.");
    }
    Long parentId = null;
    if (form.parentId() != null && !form.parentId().isBlank()) {
      Optional<String> problem = replyProblem(form.parentId(), post.get().id(), discussion);
      if (problem.isPresent()) {
        return refused(FieldError.FORM, problem.get());
      }
      parentId = Long.parseLong(form.parentId().strip());
    }
    NewComment.Checked checked = NewComment.from(form, post.get().id(), parentId, discussion, ctx);
    if (!checked.ok()) {
      return new Outcome.Refused(checked.errors());
    }
    return store(checked.comment(), post.get(), form, discussion);
  }

  private Outcome store(
      NewComment comment, Post post, CommentForm form, DiscussionSettings discussion) {
    CommentStatus status = CommentStatus.APPROVED;
    String reason = null;
    // A staff member's comment is treated as their reply from the moderation screen is: no spam
    // or moderation rules, since they are the ones who would release it (nor does WordPress hold
    // it).
    List<CommentCheck> applied = comment.context().byStaff() ? List.of() : checks;
    for (CommentCheck check : applied) {
      Verdict verdict = check.check(comment, discussion);
      if (verdict instanceof Verdict.Reject reject) {
        return refused(reject);
      }
      if (verdict instanceof Verdict.Spam spam) {
        status = CommentStatus.SPAM;
        reason = spam.reason();
        break;
      }
      if (verdict instanceof Verdict.Hold hold && status == CommentStatus.APPROVED) {
        status = CommentStatus.PENDING;
        reason = hold.reason();
      }
    }
    SubmissionContext ctx = comment.context();
    CommentDraft draft =
        new CommentDraft(
            comment.postId(),
            comment.parentId(),
            comment.authorName(),
            comment.authorEmail(),
            comment.authorUrl(),
            comment.identityId(),
            comment.context().byStaff() ? comment.context().staff().userId() : null,
            comment.body(),
            renderer.render(comment.body()),
            status,
            reason,
            ctx.now(),
            ctx.clientIp(),
            ctx.userAgent(),
            ctx.submissionKey());
    Comment stored;
    try {
      // The comment and the mails about it are stored together or not at all.
      stored =
          transactions.inTransaction(
              () -> {
                Comment c = comments.findById(comments.insert(draft)).orElseThrow();
                notifications.stored(c, post, form);
                return c;
              });
    } catch (RuntimeException e) {
      if (!UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      // A concurrent try of this very form won the race: it is the one comment.
      return new Outcome.Stored(comments.findBySubmissionKey(ctx.submissionKey()).orElseThrow());
    }
    notifications.afterCommit();
    return new Outcome.Stored(stored);
  }

  private Optional<String> replyProblem(String rawParent, long postId, DiscussionSettings s) {
    Optional<Comment> parent = parseId(rawParent).flatMap(comments::findById);
    if (parent.isEmpty()
        || parent.get().postId() != postId
        || parent.get().status() != CommentStatus.APPROVED) {
      return Optional.of("The comment you are replying to cannot be found.");
    }
    int depth = 1;
    for (Long up = parent.get().parentId(); up != null && depth <= s.threadDepth(); depth++) {
      up = comments.findById(up).map(Comment::parentId).orElse(null);
    }
    return depth >= s.threadDepth()
        ? Optional.of("This conversation is nested as deep as it goes; please reply further up.")
        : Optional.empty();
  }

  private static Optional<Long> parseId(String raw) {
    if (raw == null || !raw.strip().matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(raw.strip()));
  }

  private static Outcome refused(String field, String message) {
    return new Outcome.Refused(List.of(new FieldError(field, message)));
  }

  private static Outcome refused(Verdict.Reject reject) {
    return refused(reject.field(), reject.message());
  }
}
