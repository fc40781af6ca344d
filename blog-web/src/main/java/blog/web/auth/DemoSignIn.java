package blog.web.auth;

import blog.core.text.OneLine;
import blog.web.security.Csrf;
import blog.web.site.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo provider's log-in step as a page of the blog: it asks only for a name (and, if one
 * likes, an email) where the mock server would show its debugging screen (state, nonce, a claims
 * box). {@code POST /auth/demo/sign-in} hands what was typed to the mock server's own log-in form —
 * the name as the {@code name} claim, the email as a verified {@code email} — from the blog's side,
 * and sends the browser on to the callback it answers with: the OpenID Connect flow runs as with
 * any provider, tokens, checks and all, and the comment appears under the typed name.
 */
public final class DemoSignIn {
  public static final String PATH = "/auth/" + DemoProvider.ID + "/sign-in";
  static final int MAX_NAME = 80;
  private static final Logger LOG = LoggerFactory.getLogger(DemoSignIn.class);

  private final DemoProvider provider;
  private final Pages pages;
  private final Csrf csrf;
  private final URI callback;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** {@code callback}: where the demo sends the browser back, as registered with it. */
  public DemoSignIn(DemoProvider provider, Pages pages, Csrf csrf, URI callback) {
    this.provider = provider;
    this.pages = pages;
    this.csrf = csrf;
    this.callback = callback;
  }

  public DemoProvider provider() {
    return provider;
  }

  /** The page that asks for a name, in place of the mock server's: the next step of a log-in. */
  void show(Context ctx, URI authorization) {
    show(ctx, authorization.toString(), "", "", "", HttpStatus.OK);
  }

  /** {@code POST /auth/demo/sign-in}: log in under the typed name, or cancel. */
  public void signIn(Context ctx) throws InterruptedException {
    String authorization = nonNull(ctx.formParam("authorization"));
    if (!provider.isAuthorization(authorization)) {
      // Only the demo's own authorization requests, as this blog made them, are sent anywhere.
      throw new SignInRejected(
          "This log-in could not be completed. Please go back to the post and log in again.");
    }
    if (ctx.formParam("cancel") != null) {
      ctx.redirect(cancelled(URI.create(authorization)), HttpStatus.SEE_OTHER);
      return;
    }
    String name = OneLine.clean(ctx.formParam("name"), "").strip();
    String email = OneLine.clean(ctx.formParam("email"), "").strip();
    String error =
        name.isEmpty()
            ? "Please type the name to comment under."
            : name.length() > MAX_NAME
                ? "Please keep the name under " + MAX_NAME + " characters."
                : !email.isEmpty() && !email.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")
                    ? "Please check the email address, or leave it empty."
                    : "";
    if (!error.isEmpty()) {
      show(ctx, authorization, name, email, error, HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    Optional<String> back = logIn(URI.create(authorization), name, email);
    if (back.isEmpty()) {
      show(
          ctx,
          authorization,
          name,
          email,
          "The demo sign-in did not answer. Please try again.",
          HttpStatus.BAD_GATEWAY);
      return;
    }
    ctx.redirect(back.get(), HttpStatus.SEE_OTHER);
  }

  /**
   * Sends the mock server's log-in form ({@code username}, {@code claims}) for the browser's
   * authorization request: its answer is the redirect to the blog's callback, code and state.
   */
  private Optional<String> logIn(URI authorization, String name, String email)
      throws InterruptedException {
    Map<String, Object> claims = new HashMap<>();
    claims.put("name", name);
    if (!email.isEmpty()) {
      claims.put("email", email);
      claims.put("email_verified", Boolean.TRUE);
    }
    // The subject: one per name (and email), so the same person typing the same name is the same.
    String subject = "demo:" + name + (email.isEmpty() ? "" : " <" + email + ">");
    String form =
        "username="
            + URLEncoder.encode(subject, StandardCharsets.UTF_8)
            + "&claims="
            + URLEncoder.encode(Json.object(claims), StandardCharsets.UTF_8);
    try {
      provider.awaitStarted();
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(authorization)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      Optional<String> location = answer.headers().firstValue("Location");
      if (answer.statusCode() / 100 == 3
          && location.isPresent()
          && location.get().startsWith(callback + "?")) {
        return location;
      }
      LOG.warn("The demo sign-in answered {} to a log-in", answer.statusCode());
    } catch (IOException e) {
      LOG.warn("The demo sign-in did not answer a log-in: {}", e.toString());
    }
    return Optional.empty();
  }

  /** Back to the callback as a provider says "cancelled": the typed comment comes back too. */
  private String cancelled(URI authorization) {
    String state = "";
    String query = authorization.getRawQuery() == null ? "" : authorization.getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("state=")) {
        state = pair.substring("state=".length());
      }
    }
    return callback + "?error=access_denied&state=" + state;
  }

  private void show(
      Context ctx,
      String authorization,
      String name,
      String email,
      String error,
      HttpStatus status) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status);
    pages.render(
        ctx,
        "auth/demo",
        "Log in with the demo",
        Map.of(
            "authorization", authorization,
            "name", name,
            "email", email,
            "error", error,
            "action", PATH,
            "csrfToken", csrf.token(ctx)));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  /** Just enough JSON for a claims object of strings and booleans. */
  static final class Json {
    private Json() {}

    static String object(Map<String, Object> members) {
      StringBuilder out = new StringBuilder("{");
      members.forEach(
          (key, value) -> {
            if (out.length() > 1) {
              out.append(',');
            }
            string(out, key);
            out.append(':');
            if (value instanceof Boolean b) {
              out.append(b);
            } else {
              string(out, String.valueOf(value));
            }
          });
      return out.append('}').toString();
    }

    private static void string(StringBuilder out, String value) {
      out.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
