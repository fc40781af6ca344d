package blog.core.moderation;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.Post;

/** Who moderates what, as in WordPress: admins every comment, authors those on their own posts. */
public final class ModerationRights {
  private ModerationRights() {}

  public static boolean mayModerate(User actor, Post post) {
    return mayModerate(actor, post.authorId());
  }

  static boolean mayModerate(User actor, long postAuthorId) {
    return actor.role() == Role.ADMIN || actor.id() == postAuthorId;
  }

  /** The author whose posts bound what {@code actor} sees; null for an admin (everything). */
  static Long scope(User actor) {
    return actor.role() == Role.ADMIN ? null : actor.id();
  }

  static void require(User actor, long postAuthorId, long commentId) {
    if (!mayModerate(actor, postAuthorId)) {
      throw new ModerationForbiddenException(
          "user " + actor.id() + " may not moderate comment " + commentId);
    }
  }
}
