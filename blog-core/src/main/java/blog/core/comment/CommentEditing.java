package blog.core.comment;

import blog.core.comment.CommentService.Outcome;
import blog.core.comment.check.BlocklistCheck;
import blog.core.comment.check.CommentCheck;
import blog.core.comment.check.LinkCountCheck;
import blog.core.comment.check.Verdict;
import blog.core.site.SettingsRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A commenter's second thoughts: they may edit or delete their own comment for a while after
 * posting (the edit window setting), as Isso and Remark42 allow. Ownership is proven by the web
 * layer (a signed cookie naming the comment); this class enforces the window and the content rules,
 * which an edit must pass like a new comment.
 */
public final class CommentEditing {
  public static final String TOO_LATE = "This comment can no longer be changed.";

  private final CommentRepository comments;
  private final SettingsRepository settings;
  private final CommentRenderer renderer;
  private final List<CommentCheck> contentChecks =
      List.of(new BlocklistCheck(), new LinkCountCheck());

  public CommentEditing(
      CommentRepository comments, SettingsRepository settings, CommentRenderer renderer) {
    this.comments = comments;
    this.settings = settings;
    this.renderer = renderer;
  }

  /** The comment, if {@code ownIds} proves it is the caller's and it is still editable. */
  public Optional<Comment> editable(long id, Set<Long> ownIds, Instant now) {
    Duration window = Duration.ofMinutes(discussion().editWindowMinutes());
    return ownIds.contains(id)
        ? comments.findById(id).filter(c -> c.editableAt(now, window))
        : Optional.empty();
  }

  public Outcome edit(long id, String text, Set<Long> ownIds, Instant now) {
    DiscussionSettings discussion = discussion();
    Optional<Comment> found = editable(id, ownIds, now);
    if (found.isEmpty()) {
      return refused(FieldError.FORM, TOO_LATE);
    }
    return apply(found.get(), text, discussion, now);
  }

  /**
   * Replaces the text of a comment whose author edited it elsewhere (a reply from the fediverse,
   * whose server vouches for the author): no editing window, the same length limit and rules.
   */
  public Outcome editFromElsewhere(long id, String text, Instant now) {
    Optional<Comment> found = comments.findById(id);
    if (found.isEmpty()) {
      return refused(FieldError.FORM, TOO_LATE);
    }
    return apply(found.get(), text, discussion(), now);
  }

  private Outcome apply(Comment c, String text, DiscussionSettings discussion, Instant now) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      return refused("body", "Please type your comment, or delete it instead.");
    }
    if (body.codePointCount(0, body.length()) > discussion.maxLength()) {
      return refused(
          "body",
          "Your comment is too long: at most " + discussion.maxLength() + " characters, please.");
    }
    NewComment edited =
        new NewComment(
            c.postId(),
            c.parentId(),
            c.authorName(),
            c.authorEmail(),
            c.authorUrl(),
            c.identityId(),
            body,
            "",
            new SubmissionContext(c.clientIp(), c.userAgent(), now, null, c.createdAt()));
    CommentStatus status = c.status();
    String reason = c.heldReason();
    for (CommentCheck check : contentChecks) {
      Verdict verdict = check.check(edited, discussion);
      if (verdict instanceof Verdict.Spam spam) {
        status = CommentStatus.SPAM;
        reason = "after an edit, " + spam.reason();
        break;
      }
      if (verdict instanceof Verdict.Hold hold && status == CommentStatus.APPROVED) {
        status = CommentStatus.PENDING;
        reason = "after an edit, " + hold.reason();
      }
    }
    comments.updateText(c.id(), body, renderer.render(body), status, reason, now);
    return new Outcome.Stored(comments.findById(c.id()).orElseThrow());
  }

  /** Moves the comment to the trash; empty when done, else why not. */
  public Optional<String> delete(long id, Set<Long> ownIds, Instant now) {
    if (editable(id, ownIds, now).isEmpty()) {
      return Optional.of(TOO_LATE);
    }
    comments.setStatus(id, CommentStatus.TRASH);
    return Optional.empty();
  }

  private DiscussionSettings discussion() {
    return DiscussionSettings.from(settings.content());
  }

  private static Outcome refused(String field, String message) {
    return new Outcome.Refused(List.of(new FieldError(field, message)));
  }
}
