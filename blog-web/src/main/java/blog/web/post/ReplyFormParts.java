package blog.web.post;

import blog.core.federation.Federation;
import blog.web.admin.StaffSession;
import blog.web.auth.CommenterSession;
import blog.web.auth.FormDrafts;
import blog.web.auth.LoginMenu;
import blog.web.security.Csrf;

/**
 * What the reply form needs from this browser and this blog: its one-time tokens, the browser's own
 * comments and remembered details, the signed-in commenter or staff member, the log-in choices, and
 * the fediverse (null while federation is off) for the box "Share this comment with the fediverse"
 * and the post's likes and boosts.
 */
public record ReplyFormParts(
    FormTokens tokens,
    Csrf csrf,
    OwnComments own,
    RememberedCommenter remembered,
    CommenterSession commenters,
    LoginMenu logins,
    FormDrafts drafts,
    boolean mailEnabled,
    StaffSession staff,
    Federation federation) {

  /** Whether the form under post {@code postId} offers to share the comment with the fediverse. */
  public boolean offersSharing(long postId) {
    return federation != null && federation.offersSharing(postId);
  }
}
