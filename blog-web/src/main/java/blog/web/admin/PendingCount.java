package blog.web.admin;

import blog.core.identity.User;

/**
 * How many comments wait for {@code user}'s moderation: the number in the admin menu. An interface
 * so that this package need not know the moderation screens.
 */
@FunctionalInterface
public interface PendingCount {
  int pending(User user);
}
