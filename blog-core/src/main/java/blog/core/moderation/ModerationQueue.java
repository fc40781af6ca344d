package blog.core.moderation;

import blog.core.comment.CommentNotifications;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService.Outcome;
import blog.core.comment.CommentStatus;
import blog.core.db.Transactions;
import blog.core.identity.User;
import blog.core.moderation.ModerationRepository.Target;
import blog.core.moderation.QueueRepository.Scope;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's comment moderation: the queue by status, newest first, page by page; the counts on
 * its tabs; and what a moderator does to comments, one or many at once, each action in one
 * transaction. Admins moderate everything, authors the comments on their own posts; acting on
 * anything else throws {@link ModerationForbiddenException} and changes nothing.
 */
public final class ModerationQueue {
  public static final int PAGE_SIZE = 20;

  /** The most comments one bulk action takes: more than a few pages of ticked boxes. */
  public static final int MAX_BULK = 500;

  private static final Logger log = LoggerFactory.getLogger(ModerationQueue.class);

  private final QueueRepository queue;
  private final ModerationRepository changes;
  private final Transactions transactions;
  private final Announcer announcer;
  private final StaffWriting writing;

  public ModerationQueue(
      QueueRepository queue,
      ModerationRepository changes,
      CommentRepository comments,
      PostRepository posts,
      SettingsRepository settings,
      CommentRenderer renderer,
      Transactions transactions,
      CommentNotifications notifications,
      Clock clock) {
    this.queue = queue;
    this.changes = changes;
    this.transactions = transactions;
    this.announcer = new Announcer(changes, comments, posts, notifications, clock);
    this.writing =
        new StaffWriting(
            changes, comments, posts, settings, renderer, transactions, announcer, clock);
  }

  /** A page of the queue as {@code actor} may see it (an author: comments on their posts). */
  public QueuePage list(User actor, QueueQuery query) {
    Scope scope = new Scope(query.view().statuses(), query.postId(), ModerationRights.scope(actor));
    if (query.newerThan() != null) {
      List<QueueRow> above = queue.rows(scope, query.newerThan(), false, PAGE_SIZE + 1);
      if (above.size() <= PAGE_SIZE) {
        // Back at the top: show the newest page, full, as a first visit would.
        return list(actor, new QueueQuery(query.view(), query.postId(), null, null));
      }
      List<QueueRow> rows = new ArrayList<>(above.subList(0, PAGE_SIZE));
      Collections.reverse(rows);
      QueueCursor last = rows.get(rows.size() - 1).cursor();
      return new QueuePage(
          rows, queue.anyBeyond(scope, last, true) ? last : null, rows.get(0).cursor());
    }
    List<QueueRow> below = queue.rows(scope, query.olderThan(), true, PAGE_SIZE + 1);
    if (below.isEmpty() && query.olderThan() != null) {
      // Everything past the cursor left the tab meanwhile: no dead end, start over.
      return list(actor, new QueueQuery(query.view(), query.postId(), null, null));
    }
    List<QueueRow> rows = below.subList(0, Math.min(PAGE_SIZE, below.size()));
    QueueCursor older = below.size() > PAGE_SIZE ? rows.get(rows.size() - 1).cursor() : null;
    QueueCursor newer =
        query.olderThan() != null && queue.anyBeyond(scope, rows.get(0).cursor(), false)
            ? rows.get(0).cursor()
            : null;
    return new QueuePage(rows, older, newer);
  }

  /** The tab counts as {@code actor} sees them; {@code postId} narrows them to one post. */
  public QueueCounts counts(User actor, Long postId) {
    return QueueCounts.from(queue.counts(postId, ModerationRights.scope(actor)));
  }

  /** One comment with everything a moderator needs to see (the edit screen). */
  public Optional<QueueRow> find(User actor, long commentId) {
    Optional<QueueRow> row = queue.find(commentId);
    row.ifPresent(r -> ModerationRights.require(actor, r.postAuthorId(), r.id()));
    return row;
  }

  /**
   * Makes comments public. Those public for the first time are announced to the post's follow-up
   * subscribers, exactly once per comment. Returns how many changed.
   */
  public int approve(User actor, Collection<Long> ids) {
    return act(actor, ids, "approved", targets -> changes.approve(idsOf(targets)), true);
  }

  /** Takes approved comments off the site, back to pending. */
  public int unapprove(User actor, Collection<Long> ids) {
    return act(actor, ids, "unapproved", targets -> changes.unapprove(idsOf(targets)), false);
  }

  public int markSpam(User actor, Collection<Long> ids) {
    return act(
        actor, ids, "marked as spam", t -> changes.moveAside(idsOf(t), CommentStatus.SPAM), false);
  }

  public int trash(User actor, Collection<Long> ids) {
    return act(actor, ids, "trashed", t -> changes.moveAside(idsOf(t), CommentStatus.TRASH), false);
  }

  /**
   * Takes comments out of the spam or the trash, back to the status they had before (pending if it
   * is not known). One restored to public and never announced is announced now.
   */
  public int restore(User actor, Collection<Long> ids) {
    return act(actor, ids, "restored", targets -> changes.restore(idsOf(targets)), true);
  }

  /** Deletes for good, but only comments in the spam or the trash; others are left alone. */
  public int deletePermanently(User actor, Collection<Long> ids) {
    return act(actor, ids, "deleted", targets -> changes.deleteAside(idsOf(targets)), false);
  }

  public int approve(User actor, long id) {
    return approve(actor, List.of(id));
  }

  public int unapprove(User actor, long id) {
    return unapprove(actor, List.of(id));
  }

  public int markSpam(User actor, long id) {
    return markSpam(actor, List.of(id));
  }

  public int trash(User actor, long id) {
    return trash(actor, List.of(id));
  }

  public int restore(User actor, long id) {
    return restore(actor, List.of(id));
  }

  public int deletePermanently(User actor, long id) {
    return deletePermanently(actor, List.of(id));
  }

  /**
   * Corrects a comment: the author's name, email and website, and its text, which is rendered
   * again. The fields are checked as a new comment's are, except that name and email may be left
   * empty. The status stays; the comment is not marked as edited by its author.
   *
   * @throws blog.core.NotFoundException when there is no such comment
   */
  public Outcome edit(User actor, long commentId, CommentEdit edit) {
    return writing.edit(actor, commentId, edit);
  }

  /**
   * Replies to a comment as {@code actor}: approved at once, signed with the account's display name
   * and stored with its user id, so the site can mark the post author's replies. Replying to a
   * pending comment approves it too, as WordPress's "Approve and Reply" does. A repeated {@code
   * submissionKey} (a double click; may be null) returns the reply stored the first time.
   *
   * @throws blog.core.NotFoundException when there is no such comment
   */
  public Outcome reply(User actor, long parentId, String body, String submissionKey) {
    return writing.reply(actor, parentId, body, submissionKey);
  }

  private int act(
      User actor,
      Collection<Long> ids,
      String what,
      Function<List<Target>, Integer> change,
      boolean mayPublish) {
    List<Long> unique = List.copyOf(new LinkedHashSet<>(ids));
    if (unique.size() > MAX_BULK) {
      throw new IllegalArgumentException(
          "at most " + MAX_BULK + " comments at once, not " + unique.size());
    }
    if (unique.isEmpty()) {
      return 0;
    }
    int[] announced = {0};
    int changed =
        transactions.inTransaction(
            () -> {
              List<Target> targets = changes.targets(unique);
              for (Target t : targets) {
                ModerationRights.require(actor, t.postAuthorId(), t.id());
              }
              int n = change.apply(targets);
              if (mayPublish) {
                announced[0] = announcer.announce(idsOf(targets));
              }
              return n;
            });
    if (announced[0] > 0) {
      announcer.afterCommit();
    }
    log.info("user {} {} {} of {} comment(s)", actor.id(), what, changed, unique.size());
    return changed;
  }

  private static List<Long> idsOf(List<Target> targets) {
    return targets.stream().map(Target::id).toList();
  }
}
