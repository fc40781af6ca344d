package blog.core.comment;

/** Why a submission was refused, and which form field to show it next to ({@code form} if none). */
public record FieldError(String field, String message) {
  public static final String FORM = "form";

  /** Not an error: news about the form (e.g. "You are logged out."), shown above it. */
  public static final String NOTICE = "notice";
}
