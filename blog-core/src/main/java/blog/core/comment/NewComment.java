package blog.core.comment;

import blog.core.identity.CommenterIdentity;
import blog.core.text.OneLine;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A guest's comment after its fields were checked: only what a commenter may set, normalised (email
 * lower-cased, website given a scheme). Status, times and ids are the server's to set.
 */
public record NewComment(
    long postId,
    Long parentId,
    String authorName,
    String authorEmail,
    String authorUrl,
    Long identityId,
    String body,
    String honeypot,
    SubmissionContext context) {

  static final int MAX_NAME = 245;
  static final int MAX_EMAIL = 100;
  static final int MAX_URL = 200;
  // Deliberately simple: something@domain.tld without spaces; the mail server has the last word.
  private static final Pattern EMAIL =
      Pattern.compile("[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\"]+");

  /** Either the checked comment or every field error at once, so the person fixes all in one go. */
  public record Checked(NewComment comment, List<FieldError> errors) {
    public Checked {
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  public static Checked from(
      CommentForm form,
      long postId,
      Long parentId,
      DiscussionSettings settings,
      SubmissionContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    String body = form.bodyOrEmpty().strip();
    CommenterIdentity identity = ctx.identity();
    if (body.isEmpty()) {
      errors.add(new FieldError("body", "Please type your comment."));
    } else if (body.codePointCount(0, body.length()) > settings.maxLength()) {
      errors.add(
          new FieldError(
              "body",
              "Your comment is too long: at most "
                  + settings.maxLength()
                  + " characters, please."));
    }
    if (ctx.staff() != null) {
      // Logged in as staff: the account says who writes, as for a reply from the moderation screen.
      StaffAuthor staff = ctx.staff();
      return errors.isEmpty()
          ? new Checked(
              new NewComment(
                  postId,
                  parentId,
                  staff.displayName(),
                  staff.email() == null ? null : staff.email().toLowerCase(Locale.ROOT),
                  null,
                  null,
                  body,
                  "",
                  ctx),
              List.of())
          : new Checked(null, errors);
    }
    if (identity != null) {
      // Logged in with a provider: who they are comes from there, not from the form.
      return errors.isEmpty()
          ? new Checked(
              new NewComment(
                  postId,
                  parentId,
                  identity.displayName(),
                  identity.email() == null ? null : identity.email().toLowerCase(Locale.ROOT),
                  identity.profileUrl(),
                  identity.id(),
                  body,
                  form.honeypot() == null ? "" : form.honeypot(),
                  ctx),
              List.of())
          : new Checked(null, errors);
    }
    String name = clean(form.name());
    String email = clean(form.email()).toLowerCase(Locale.ROOT);
    if (name.isEmpty() && settings.requireNameAndEmail()) {
      errors.add(new FieldError("name", "Please fill in your name."));
    } else if (name.length() > MAX_NAME) {
      errors.add(new FieldError("name", "Your name is too long (at most " + MAX_NAME + ")."));
    }
    if (email.isEmpty() && settings.requireNameAndEmail()) {
      errors.add(new FieldError("email", "Please fill in your email address."));
    } else if (!email.isEmpty()
        && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
      errors.add(new FieldError("email", "Please enter a valid email address."));
    }
    String url = website(clean(form.url()));
    if (url == null) {
      errors.add(new FieldError("url", "Please enter a valid website address, or leave it empty."));
    }
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    return new Checked(
        new NewComment(
            postId,
            parentId,
            name.isEmpty() ? "Anonymous" : name,
            email.isEmpty() ? null : email,
            url.isEmpty() ? null : url,
            null,
            body,
            form.honeypot() == null ? "" : form.honeypot(),
            ctx),
        List.of());
  }

  public Instant createdAt() {
    return context.now();
  }

  private static String clean(String value) {
    return OneLine.clean(value, "");
  }

  /** "" for none, the normalised http(s) address, or null when it is not a usable one. */
  private static String website(String value) {
    if (value.isEmpty()) {
      return "";
    }
    String withScheme = value.contains("://") ? value : "http://" + value;
    if (withScheme.length() > MAX_URL) {
      return null;
    }
    try {
      URI uri = new URI(withScheme);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return null;
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
