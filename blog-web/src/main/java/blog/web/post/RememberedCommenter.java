package blog.web.post;

import blog.web.security.Cookies;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * "Save my name, email, and website in this browser for the next time I comment": only these three,
 * only when ticked, and cleared again when a later comment is sent without the tick.
 */
public final class RememberedCommenter {
  static final String COOKIE = "blog_commenter";
  private static final int MAX_AGE_SECONDS = 365 * 24 * 3600;

  /** What was remembered; values are untrusted and only ever put back into the form. */
  public record Details(String name, String email, String url) {}

  private final Cookies cookies;

  public RememberedCommenter(Cookies cookies) {
    this.cookies = cookies;
  }

  public Optional<Details> get(Context ctx) {
    return cookies
        .get(ctx, COOKIE)
        .map(value -> value.split("\n", -1))
        .filter(parts -> parts.length == 3)
        .map(parts -> new Details(parts[0], parts[1], parts[2]));
  }

  public void remember(Context ctx, Details details) {
    String value =
        String.join("\n", strip(details.name()), strip(details.email()), strip(details.url()));
    cookies.set(ctx, COOKIE, value, MAX_AGE_SECONDS);
  }

  public void forget(Context ctx) {
    if (get(ctx).isPresent()) {
      cookies.clear(ctx, COOKIE);
    }
  }

  private static String strip(String value) {
    return value == null ? "" : value.replace("\n", " ").replace("\r", " ").strip();
  }
}
