package blog.core.federation;

import blog.core.comment.Comment;
import blog.core.comment.CommentRepository;
import blog.core.db.Transactions;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the blog's own conversation to the followers, as WordPress's ActivityPub plugin does: an
 * approved comment on a post that went out becomes a {@code Create} of a {@link CommentNotes note}
 * in reply, an edit (by its writer or a moderator) an {@code Update}, and a comment deleted,
 * trashed, held again, marked spam or kept back a {@code Delete}. Like {@link PostFederation} it
 * compares the comments with what was sent ({@code federation_sent_comments}) and queues the
 * difference in the same transaction as it records it, holding a cluster lock, so whichever
 * instance approved the comment (in the moderation queue, or at once) it is queued exactly once.
 * Not sent: replies from the fediverse, comments whose writers unticked the box, comments from
 * before federation was first on, and comments approved while the owner had sharing off (kept back
 * for good, as if their writers had unticked the box). Sent comments are still updated and deleted
 * while sharing is off, so what went out never outlives the comment.
 */
public final class CommentFederation {
  static final String LOCK = "federation-comments";
  private static final int BATCH = 50;

  private final Transactions transactions;
  private final SettingsRepository settings;
  private final FederationSettings federation;
  private final PostRepository posts;
  private final CommentRepository comments;
  private final SentCommentRepository sent;
  private final CommentNotes notes;
  private final Outbox outbox;
  private final Clock clock;

  public CommentFederation(
      Transactions transactions,
      SettingsRepository settings,
      FederationSettings federation,
      PostRepository posts,
      CommentRepository comments,
      SentCommentRepository sent,
      CommentNotes notes,
      Outbox outbox,
      Clock clock) {
    this.transactions = transactions;
    this.settings = settings;
    this.federation = federation;
    this.posts = posts;
    this.comments = comments;
    this.sent = sent;
    this.notes = notes;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Whether comments written now go out (the owner's switch). */
  public boolean sharing() {
    return federation.sharesComments(settings.content());
  }

  /** The owner's switch, stored in the settings table: it wins over the configuration's default. */
  public void setSharing(boolean share) {
    settings.putAll(Map.of(FederationSettings.SHARE_COMMENTS_STORED, Boolean.toString(share)));
  }

  /**
   * Queues what changed since the last run; returns how many deliveries it queued. A comment
   * approved again after its {@code Delete} went out is sent again, as a {@code Create} under a new
   * id (servers keep a tombstone for the old one).
   */
  public int sync() {
    Instant now = clock.instant();
    Map<String, String> stored = settings.all();
    Optional<Instant> since = since(stored);
    if (since.isEmpty()) {
      return 0; // no post went out yet
    }
    boolean share = federation.sharesComments(stored);
    ZoneId zone = settings.site().timeZone();
    return transactions.inTransactionHolding(
        LOCK,
        () -> {
          int queued = 0;
          if (!share) {
            // Approved while the owner had sharing off: kept here, also once it is on again.
            sent.unsent(since.get(), now, BATCH).forEach(sent::keepBack);
          } else {
            for (long id : sent.unsent(since.get(), now, BATCH)) {
              Comment c = comments.findById(id).orElseThrow();
              Post post = posts.findById(c.postId()).orElseThrow();
              // Recorded first: a comment sent again after its Delete takes its next id here.
              sent.sent(id, c.authorName(), c.bodyHtml(), now);
              queued +=
                  outbox.toFollowersAnd(
                      notes.answeredInbox(c),
                      notes.announce(notes.note(c, post, zone), false, 0),
                      now);
            }
          }
          for (SentCommentRepository.Changed changed : sent.changed(BATCH)) {
            Optional<Comment> c =
                changed.gone() ? Optional.empty() : comments.findById(changed.commentId());
            Optional<Post> post = c.flatMap(x -> posts.findById(x.postId()));
            // A comment deleted for good no longer says whom it answered: then only the
            // followers hear of its deletion.
            String answered =
                comments.findById(changed.commentId()).map(notes::answeredInbox).orElse(null);
            if (post.isEmpty()) {
              queued += outbox.toFollowersAnd(answered, notes.delete(changed.commentId()), now);
              sent.deleted(changed.commentId(), now);
            } else {
              queued +=
                  outbox.toFollowersAnd(
                      answered,
                      notes.announce(
                          notes.note(c.get(), post.get(), zone), true, now.toEpochMilli()),
                      now);
              sent.updated(c.get().id(), c.get().authorName(), c.get().bodyHtml(), now);
            }
          }
          return queued;
        });
  }

  /**
   * The note of a comment that went out and still stands (approved, its post visible), as other
   * servers fetch it by the id it went out under; empty for any other comment or id.
   */
  public Optional<tools.jackson.databind.node.ObjectNode> noteOf(long commentId, int generation) {
    Instant now = clock.instant();
    if (!sent.isSent(commentId) || sent.generation(commentId) != generation) {
      return Optional.empty();
    }
    return comments
        .findById(commentId)
        .filter(c -> c.status() == blog.core.comment.CommentStatus.APPROVED)
        .flatMap(
            c ->
                posts
                    .findById(c.postId())
                    .filter(p -> p.isVisibleAt(now) && !p.isPage())
                    .map(p -> notes.note(c, p, settings.site().timeZone())));
  }

  /** When federation was first on ({@link PostFederation} records it); empty before. */
  private static Optional<Instant> since(Map<String, String> stored) {
    String value = stored.get(PostFederation.SINCE);
    try {
      return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
