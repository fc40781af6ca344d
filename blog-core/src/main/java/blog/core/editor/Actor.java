package blog.core.editor;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.Post;

/** The signed-in staff member on whose behalf the editor acts. */
public record Actor(long userId, Role role) {
  public Actor {
    if (role == null) {
      throw new IllegalArgumentException("an actor has a role");
    }
  }

  public static Actor of(User user) {
    return new Actor(user.id(), user.role());
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Authors may change their own posts only; admins any post. */
  public boolean mayEdit(Post post) {
    return isAdmin() || post.authorId() == userId;
  }

  /** Throws {@link ForbiddenException} unless this actor may change the post. */
  public void checkMayEdit(Post post) {
    if (!mayEdit(post)) {
      throw new ForbiddenException("You may only change your own posts.");
    }
  }
}
