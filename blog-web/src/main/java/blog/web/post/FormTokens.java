package blog.web.post;

import blog.core.security.Signer;
import blog.web.security.Csrf;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-time token in each rendered reply form: which post it is for, when it was rendered (the
 * minimum-time rule) and a random key (one comment per form, however often it is sent). Signed, so
 * neither the time nor the post can be changed by the browser.
 */
public final class FormTokens {
  static final Duration MAX_AGE = Duration.ofDays(2);
  private static final String PURPOSE = "comment-form";

  /** A verified token: the form's one-time key and when the form was rendered. */
  public record IssuedForm(String key, Instant issuedAt) {}

  private final Signer signer;
  private final SecureRandom random;

  public FormTokens(Signer signer, SecureRandom random) {
    this.signer = signer;
    this.random = random;
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("@@form-token-(\\d{1,18})@@");

  /**
   * A token for a form rendered in this request, or, while the page is rendered for the page cache,
   * a placeholder that {@link #fill} turns into a fresh token for each visitor.
   */
  public String issue(Context ctx, long postId, Instant now) {
    return Csrf.deferred(ctx) ? "@@form-token-" + postId + "@@" : issue(postId, now);
  }

  /** {@code html} with a fresh token in place of every placeholder. */
  public String fill(String html, Instant now) {
    if (!html.contains("@@form-token-")) {
      return html;
    }
    return PLACEHOLDER
        .matcher(html)
        .replaceAll(m -> Matcher.quoteReplacement(issue(Long.parseLong(m.group(1)), now)));
  }

  public String issue(long postId, Instant now) {
    byte[] key = new byte[16];
    random.nextBytes(key);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    return signer.sign(PURPOSE, postId + "." + now.getEpochSecond() + "." + nonce);
  }

  /** The form behind a token, if the token is ours, for this post, and not too old. */
  public Optional<IssuedForm> verify(String token, String postId, Instant now) {
    return signer
        .verify(PURPOSE, token)
        .map(payload -> payload.split("\\."))
        .filter(parts -> parts.length == 3 && parts[0].equals(postId))
        .flatMap(
            parts -> {
              try {
                Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                boolean fresh = !issued.isAfter(now) && issued.plus(MAX_AGE).isAfter(now);
                return fresh ? Optional.of(new IssuedForm(parts[2], issued)) : Optional.empty();
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }
}
