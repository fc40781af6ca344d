package blog.core.editor;

import blog.core.comment.FieldError;
import java.util.List;

/** Nothing was stored; the messages say why, per form field ({@link FieldError#FORM} if none). */
public record Invalid(List<FieldError> errors) implements SaveResult, AutosaveResult {
  public Invalid {
    errors = List.copyOf(errors);
  }

  static Invalid of(String field, String message) {
    return new Invalid(List.of(new FieldError(field, message)));
  }
}
