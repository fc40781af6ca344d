package blog.web.error;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a person sent in a form the blog could not save because its database was away: the text they
 * typed is shown again, ready to send once more, so an outage costs them a click rather than their
 * comment or post. Fields people type are shown (and editable); the form's own fields (CSRF token,
 * ids, versions, idempotency token) go back unchanged as hidden fields; passwords are never echoed.
 */
record KeptForm(String action, List<Field> shown, List<Field> hidden) {
  /** The fields people type, in the order they are shown, with their labels. */
  private static final Map<String, String> TYPED = new LinkedHashMap<>();

  static {
    TYPED.put("title", "Title");
    TYPED.put("comment", "Comment");
    TYPED.put("body", "Text");
    TYPED.put("excerpt", "Excerpt");
    TYPED.put("author", "Name");
    TYPED.put("email", "Email");
    TYPED.put("url", "Website");
    TYPED.put("slug", "Slug");
    TYPED.put("categories", "Categories");
    TYPED.put("tags", "Tags");
  }

  record Field(String name, String label, String value) {}

  /** The form of this request, if it is an ordinary form post with something typed in it. */
  static Optional<KeptForm> of(Context ctx) {
    String type = ctx.contentType();
    if (ctx.method() != HandlerType.POST
        || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return Optional.empty();
    }
    Map<String, List<String>> params = ctx.formParamMap();
    List<Field> shown = new ArrayList<>();
    for (Map.Entry<String, String> typed : TYPED.entrySet()) {
      for (String value : params.getOrDefault(typed.getKey(), List.of())) {
        shown.add(new Field(typed.getKey(), typed.getValue(), value));
      }
    }
    if (shown.stream().allMatch(f -> f.value().isBlank())) {
      return Optional.empty();
    }
    List<Field> hidden = new ArrayList<>();
    params.forEach(
        (name, values) -> {
          if (!TYPED.containsKey(name) && !name.toLowerCase(Locale.ROOT).contains("password")) {
            values.forEach(value -> hidden.add(new Field(name, name, value)));
          }
        });
    return Optional.of(new KeptForm(ctx.path(), shown, hidden));
  }
}
