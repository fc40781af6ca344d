package blog.web.post;

import blog.core.comment.FieldError;
import blog.web.auth.ProviderButton;
import java.util.List;

/**
 * The "Leave a Reply" form as the template shows it: what the person typed (never lost on an
 * error), the messages next to the fields, and the hidden tokens. {@code fediverseOffered}: the box
 * "Share this comment with the fediverse" is shown (federation on, the owner shares comments, the
 * post went out), ticked as {@code shareWithFediverse} says.
 */
public record ReplyFormView(
    long postId,
    long replyTo,
    String replyToName,
    String cancelUrl,
    String formToken,
    String csrfToken,
    String name,
    String email,
    String url,
    String body,
    boolean remember,
    boolean notifyFollowUps,
    boolean notifyPosts,
    boolean mailEnabled,
    boolean requireNameAndEmail,
    int maxLength,
    List<FieldError> errors,
    CommenterView commenter,
    List<ProviderButton> providers,
    StaffView staff,
    boolean fediverseOffered,
    boolean shareWithFediverse) {
  public ReplyFormView {
    errors = List.copyOf(errors);
    providers = List.copyOf(providers);
  }

  /** Logged in with a provider (and not as staff, which wins). */
  public boolean isSignedIn() {
    return commenter != null && staff == null;
  }

  /** Logged in as staff: the comment goes in under their account, no fields to fill in. */
  public boolean isStaffWriting() {
    return staff != null;
  }

  /** Who is writing is known: neither name, email nor website fields, nor log-in buttons. */
  public boolean isKnown() {
    return isSignedIn() || isStaffWriting();
  }

  /** The message for {@code field}, or "" when there is none. */
  public String error(String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::message)
        .findFirst()
        .orElse("");
  }

  public String formError() {
    return error(FieldError.FORM);
  }

  /** A refused form is shown even where comments just closed, so its text is not lost. */
  public boolean hasErrors() {
    return errors.stream().anyMatch(e -> !e.field().equals(FieldError.NOTICE));
  }

  public String notice() {
    return error(FieldError.NOTICE);
  }

  public boolean isReply() {
    return replyTo > 0;
  }
}
