package blog.web.auth;

import blog.core.comment.CommentForm;
import blog.core.login.FormDraft;
import blog.core.login.FormDraftRepository;
import blog.core.security.Tokens;
import blog.web.security.Csrf;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what a person typed across a trip away from the post (to a log-in provider and back, or
 * through log-out): stored server-side for this browser, fetched back once by a random token in the
 * return URL. Nothing typed travels in the URL itself.
 */
public final class FormDrafts {
  static final Duration KEEP = Duration.ofHours(1);

  /** A form put back, and what to tell the person about the trip. */
  public record Restored(CommentForm form, String message) {}

  private final FormDraftRepository drafts;
  private final Csrf csrf;
  private final Tokens tokens;
  private final Clock clock;

  public FormDrafts(FormDraftRepository drafts, Csrf csrf, Tokens tokens, Clock clock) {
    this.drafts = drafts;
    this.csrf = csrf;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Stores the form for this browser; returns the token for the {@code draft} parameter. */
  public String keep(Context ctx, long postId, CommentForm form, String message) {
    String token = tokens.random();
    Instant now = clock.instant();
    drafts.save(
        Tokens.hash(token),
        Tokens.hash(csrf.browserId(ctx)),
        new FormDraft(postId, encode(form), message),
        now,
        now.plus(KEEP));
    return token;
  }

  public Optional<Restored> take(Context ctx, String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return drafts
        .take(Tokens.hash(token), Tokens.hash(csrf.browserId(ctx)), clock.instant())
        .map(d -> new Restored(decode(d.formData()), d.message()));
  }

  /** The typed form as URL-encoded text, the form's own wire format. */
  public static String encode(CommentForm f) {
    Map<String, String> fields = new HashMap<>();
    fields.put("post", f.postId());
    fields.put("parent", f.parentId());
    fields.put("name", f.name());
    fields.put("email", f.email());
    fields.put("url", f.url());
    fields.put("body", f.body());
    fields.put("follow", Boolean.toString(f.notifyFollowUps()));
    fields.put("posts", Boolean.toString(f.notifyPosts()));
    fields.put("remember", Boolean.toString(f.remember()));
    fields.put("share", Boolean.toString(f.shareWithFediverse()));
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(k)
              .append('=')
              .append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8));
        });
    return out.toString();
  }

  public static CommentForm decode(String data) {
    Map<String, String> f = new HashMap<>();
    for (String pair : data.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        f.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return new CommentForm(
        f.getOrDefault("post", ""),
        f.getOrDefault("parent", ""),
        f.getOrDefault("name", ""),
        f.getOrDefault("email", ""),
        f.getOrDefault("url", ""),
        f.getOrDefault("body", ""),
        "",
        Boolean.parseBoolean(f.get("follow")),
        Boolean.parseBoolean(f.get("posts")),
        Boolean.parseBoolean(f.get("remember")),
        !"false".equals(f.get("share")));
  }
}
