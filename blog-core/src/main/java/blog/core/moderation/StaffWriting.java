package blog.core.moderation;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentDraft;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService.Outcome;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.NewComment;
import blog.core.comment.SubmissionContext;
import blog.core.db.Transactions;
import blog.core.db.UniqueViolations;
import blog.core.identity.User;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What moderators write: corrections to comments, and replies under their own name. */
final class StaffWriting {
  private static final Logger log = LoggerFactory.getLogger(StaffWriting.class);

  private static final FieldError BINNED =
      new FieldError(
          FieldError.FORM, "This comment is in the spam or the trash: restore it before replying.");

  private final ModerationRepository queue;
  private final CommentRepository comments;
  private final PostRepository posts;
  private final SettingsRepository settings;
  private final CommentRenderer renderer;
  private final Transactions transactions;
  private final Announcer announcer;
  private final Clock clock;

  StaffWriting(
      ModerationRepository queue,
      CommentRepository comments,
      PostRepository posts,
      SettingsRepository settings,
      CommentRenderer renderer,
      Transactions transactions,
      Announcer announcer,
      Clock clock) {
    this.queue = queue;
    this.comments = comments;
    this.posts = posts;
    this.settings = settings;
    this.renderer = renderer;
    this.transactions = transactions;
    this.announcer = announcer;
    this.clock = clock;
  }

  Outcome edit(User actor, long commentId, CommentEdit edit) {
    Comment c = existing(commentId);
    Post post = postOf(c);
    ModerationRights.require(actor, post.authorId(), c.id());
    CommentForm form =
        new CommentForm(
            Long.toString(c.postId()),
            "",
            edit.name(),
            edit.email(),
            edit.url(),
            edit.body(),
            "",
            false,
            false,
            false);
    // The guest form's checks, so a moderator cannot store what a commenter could not.
    NewComment.Checked checked =
        NewComment.from(
            form,
            c.postId(),
            c.parentId(),
            discussion().withNameAndEmailOptional(),
            new SubmissionContext(c.clientIp(), c.userAgent(), clock.instant(), null, null));
    if (!checked.ok()) {
      return new Outcome.Refused(checked.errors());
    }
    NewComment n = checked.comment();
    queue.updateContent(
        c.id(),
        n.authorName(),
        n.authorEmail(),
        n.authorUrl(),
        n.body(),
        renderer.render(n.body()));
    log.info("user {} edited comment {}", actor.id(), c.id());
    return new Outcome.Stored(existing(c.id()));
  }

  Outcome reply(User actor, long parentId, String text, String submissionKey) {
    if (submissionKey != null) {
      Optional<Comment> earlier = comments.findBySubmissionKey(submissionKey);
      if (earlier.isPresent()) {
        return new Outcome.Stored(earlier.get());
      }
    }
    Comment parent = existing(parentId);
    Post post = postOf(parent);
    ModerationRights.require(actor, post.authorId(), parent.id());
    DiscussionSettings discussion = discussion();
    Optional<FieldError> problem = replyProblem(parent, text, discussion);
    if (problem.isPresent()) {
      return new Outcome.Refused(List.of(problem.get()));
    }
    String body = text.strip();
    CommentDraft draft =
        new CommentDraft(
            post.id(),
            parent.id(),
            actor.displayName(),
            actor.email() == null ? null : actor.email().toLowerCase(Locale.ROOT),
            null,
            null,
            actor.id(),
            body,
            renderer.render(body),
            CommentStatus.APPROVED,
            null,
            clock.instant(),
            null,
            null,
            submissionKey);
    Outcome outcome;
    try {
      outcome =
          transactions.inTransaction(
              () -> {
                // Read again inside: another moderator may have binned it meanwhile.
                CommentStatus now = existing(parent.id()).status();
                if (now == CommentStatus.SPAM || now == CommentStatus.TRASH) {
                  return new Outcome.Refused(List.of(BINNED));
                }
                if (now == CommentStatus.PENDING) {
                  queue.approve(List.of(parent.id()));
                  announcer.announce(List.of(parent.id()));
                }
                Comment stored = comments.findById(comments.insert(draft)).orElseThrow();
                // Stored public: its insert marked it announced; this is that announcement.
                announcer.staffReplied(stored, post);
                return new Outcome.Stored(stored);
              });
    } catch (RuntimeException e) {
      if (submissionKey == null || !UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      // The same form, sent twice at once: the other request stored the one reply.
      return new Outcome.Stored(comments.findBySubmissionKey(submissionKey).orElseThrow());
    }
    if (outcome instanceof Outcome.Stored stored) {
      log.info("user {} replied to comment {}: {}", actor.id(), parent.id(), stored.comment().id());
      announcer.afterCommit();
    }
    return outcome;
  }

  private Optional<FieldError> replyProblem(
      Comment parent, String text, DiscussionSettings discussion) {
    if (parent.status() == CommentStatus.SPAM || parent.status() == CommentStatus.TRASH) {
      return Optional.of(BINNED);
    }
    int depth = 1;
    for (Long up = parent.parentId(); up != null && depth <= discussion.threadDepth(); depth++) {
      up = comments.findById(up).map(Comment::parentId).orElse(null);
    }
    if (depth >= discussion.threadDepth()) {
      return Optional.of(
          new FieldError(
              FieldError.FORM,
              "This conversation is nested as deep as it goes; please reply further up."));
    }
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      return Optional.of(new FieldError("body", "Please type your reply."));
    }
    if (body.codePointCount(0, body.length()) > discussion.maxLength()) {
      return Optional.of(
          new FieldError(
              "body",
              "Your reply is too long: at most " + discussion.maxLength() + " characters."));
    }
    return Optional.empty();
  }

  private Comment existing(long id) {
    return comments.findById(id).orElseThrow(() -> new NotFoundException("comment " + id));
  }

  private Post postOf(Comment c) {
    return posts
        .findById(c.postId())
        .orElseThrow(() -> new NotFoundException("post " + c.postId()));
  }

  private DiscussionSettings discussion() {
    return DiscussionSettings.from(settings.content());
  }
}
