package blog.web.post;

import blog.core.comment.FieldError;
import blog.web.auth.ProviderButton;
import java.util.List;

/**
 * The "Leave a Reply" form as the template shows it: what the person typed (never lost on an
 * error), the messages next to the fields, and the hidden tokens.
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
    List<ProviderButton> providers) {
  public ReplyFormView {
    errors = List.copyOf(errors);
    providers = List.copyOf(providers);
  }

  public boolean isSignedIn() {
    return commenter != null;
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
