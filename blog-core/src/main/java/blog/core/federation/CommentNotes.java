package blog.core.federation;

import blog.core.comment.Comment;
import blog.core.comment.CommentRepository;
import blog.core.post.Post;
import blog.core.post.PostPaths;
import java.time.ZoneId;
import java.util.Optional;
import org.jsoup.nodes.Entities;
import tools.jackson.databind.node.ObjectNode;

/**
 * A comment written on the blog as the fediverse sees it: a {@code Note} by the blog's account (the
 * commenter has none there), opening with the commenter's name, replying to the post's article or
 * to the note of the comment it answers (a reply from the fediverse, or a comment sent before),
 * public and addressed to the followers (and to the author it answers, mentioned, whose inbox gets
 * it too). Its id is {@code /federation/comments/<id>} (with {@code /<generation>} when it went out
 * again after a {@code Delete}); its {@code url} the comment's place under the post. Like
 * WordPress's ActivityPub plugin, the commenter's email and address never go out.
 */
public final class CommentNotes {
  private final SiteActor site;
  private final CommentRepository comments;
  private final FederatedCommentRepository remote;
  private final SentCommentRepository sent;

  public CommentNotes(
      SiteActor site,
      CommentRepository comments,
      FederatedCommentRepository remote,
      SentCommentRepository sent) {
    this.site = site;
    this.comments = comments;
    this.remote = remote;
    this.sent = sent;
  }

  /** The comment as a note; {@code zone} places the post's permalink. */
  public ObjectNode note(Comment comment, Post post, ZoneId zone) {
    String base = site.baseUrl();
    ObjectNode note = Json.object();
    note.put("@context", Json.AS_CONTEXT);
    note.put("id", site.commentObjectId(comment.id(), sent.generation(comment.id())));
    note.put("type", "Note");
    note.put("attributedTo", site.id());
    Optional<FederatedCommentRepository.Link> answered = answeredRemote(comment);
    note.put("inReplyTo", inReplyTo(comment, answered));
    note.put("content", content(comment.authorName(), comment.bodyHtml(), base));
    note.put("url", base + PostPaths.permalink(post, zone) + "#comment-" + comment.id());
    note.put("published", comment.createdAt().toString());
    if (comment.editedAt() != null) {
      note.put("updated", comment.editedAt().toString());
    }
    note.putArray("to").add(Json.PUBLIC);
    var cc = note.putArray("cc").add(site.followers());
    answered.ifPresent(
        link -> {
          cc.add(link.actorId());
          if (link.actorHandle() != null) {
            // Mentioned, so the author's server tells them of the answer.
            ObjectNode mention = note.putArray("tag").addObject();
            mention.put("type", "Mention");
            mention.put("href", link.actorId());
            mention.put("name", link.actorHandle());
          }
        });
    return note;
  }

  /**
   * The inbox of the fediverse author this comment answers, where the note goes besides the
   * followers' inboxes; null when it answers nobody there (or their inbox was not kept).
   */
  public String answeredInbox(Comment comment) {
    return answeredRemote(comment).map(FederatedCommentRepository.Link::actorInbox).orElse(null);
  }

  /**
   * "
   *
   * <p><strong>Name</strong> wrote:" and the comment's sanitised HTML, links absolute.
   */
  static String content(String name, String bodyHtml, String base) {
    String who = name == null || name.isBlank() ? "Someone" : name.strip();
    return "<p><strong>"
        + Entities.escape(who)
        + "</strong> wrote:</p>"
        + PostObjects.absolute(bodyHtml, base);
  }

  /** What the note answers: the parent's note when it has one out there, else the post. */
  private String inReplyTo(Comment comment, Optional<FederatedCommentRepository.Link> answered) {
    if (answered.isPresent()) {
      return answered.get().objectId();
    }
    Long parent = comment.parentId();
    if (parent != null && sent.isSent(parent)) {
      return site.commentObjectId(parent, sent.generation(parent));
    }
    return site.postObjectId(comment.postId());
  }

  /** The reply from the fediverse this comment answers, if it answers one. */
  private Optional<FederatedCommentRepository.Link> answeredRemote(Comment comment) {
    return comment.parentId() == null
        ? Optional.empty()
        : comments.findById(comment.parentId()).flatMap(p -> remote.byComment(p.id()));
  }

  /** {@code Create} (first time) or {@code Update} (an edit) of the note. */
  public ObjectNode announce(ObjectNode note, boolean update, long serial) {
    return Activities.announce(site, null, note, update, serial, false);
  }

  /** {@code Delete} of the comment's note (as last sent), with a {@code Tombstone} in its place. */
  public ObjectNode delete(long commentId) {
    return Activities.delete(site, site.commentObjectId(commentId, sent.generation(commentId)));
  }
}
