package blog.web.auth;

import blog.core.NotFoundException;
import blog.core.comment.CommentForm;
import blog.core.identity.CommenterIdentity;
import blog.core.login.AuthorizationRequest;
import blog.core.login.LoginFailure;
import blog.core.login.LoginProvider;
import blog.core.login.LoginProviders;
import blog.core.login.Profile;
import blog.core.login.ProviderSwitches;
import blog.core.login.SignInRequest;
import blog.core.login.SignInRequestRepository;
import blog.core.post.Post;
import blog.core.security.Tokens;
import blog.web.security.Csrf;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log-in with a provider, from the reply form and back to it. {@code POST /auth/{id}/start} (an
 * icon button in the form, so the typed comment comes along) keeps the flow's secrets and the form
 * server-side and sends the browser on to the provider; {@code GET /auth/{id}/callback} checks that
 * this browser started this very log-in, finishes it, starts a fresh commenter session and returns
 * to the post with the comment as typed. Every failure returns there too, with a message.
 */
public final class SignInFlow {
  private static final Logger LOG = LoggerFactory.getLogger(SignInFlow.class);
  static final Duration PENDING = Duration.ofMinutes(15);

  private final LoginProviders providers;
  private final SignInRequestRepository requests;
  private final AuthHandlers back;
  private final CommenterSession session;
  private final FormDrafts drafts;
  private final Csrf csrf;
  private final String baseUrl;
  private final Clock clock;
  private final DemoSignIn demo;
  private final ProviderSwitches switches;
  private final LoginsPage logins;

  public SignInFlow(
      LoginProviders providers,
      SignInRequestRepository requests,
      AuthHandlers back,
      CommenterSession session,
      FormDrafts drafts,
      Csrf csrf,
      String baseUrl,
      Clock clock,
      DemoSignIn demo,
      ProviderSwitches switches,
      LoginsPage logins) {
    this.logins = logins;
    this.demo = demo;
    this.switches = switches;
    this.providers = providers;
    this.requests = requests;
    this.back = back;
    this.session = session;
    this.drafts = drafts;
    this.csrf = csrf;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /** The exact redirect URI to register with a provider: {@code <base-url>/auth/<id>/callback}. */
  public URI callbackUri(String providerId) {
    return callbackUri(baseUrl, providerId);
  }

  /** {@link #callbackUri(String)} for a blog at {@code baseUrl}. */
  public static URI callbackUri(String baseUrl, String providerId) {
    return URI.create(baseUrl + "/auth/" + providerId + "/callback");
  }

  /** {@code POST /auth/{provider}/start} */
  public void start(Context ctx) {
    LoginProvider provider = provider(ctx);
    CommentForm form = CommentFormFields.read(ctx);
    Post post = back.post(form);
    if (!switches.isOn(provider.id())) {
      back.backToPost(
          ctx, post, form, "Log-in with " + provider.label() + " is switched off on this blog.");
      return;
    }
    sendToProvider(
        ctx,
        provider,
        post.id(),
        FormDrafts.encode(form),
        null,
        e -> back.backToPost(ctx, post, form, e.userMessage()));
  }

  /**
   * {@code POST /auth/{provider}/link} from the log-ins page: a log-in with another provider whose
   * identity is linked to the commenter logged in here, who then comes back to that page.
   */
  public void link(Context ctx) {
    LoginProvider provider = provider(ctx);
    CommenterIdentity who = logins.requireLoggedIn(ctx);
    if (!switches.isOn(provider.id())) {
      logins.backWith(ctx, LoginsPage.Message.SWITCHED_OFF);
      return;
    }
    sendToProvider(
        ctx, provider, null, "", who.id(), e -> logins.backWith(ctx, LoginsPage.Message.FAILED));
  }

  /**
   * Sends the browser on to {@code provider}'s log-in, remembering the request ({@code postId} and
   * {@code draft}: the comment form to come back to; {@code linkFrom}: the commenter to link the
   * identity to); {@code failed} answers when the provider cannot be asked.
   */
  private void sendToProvider(
      Context ctx,
      LoginProvider provider,
      Long postId,
      String draft,
      Long linkFrom,
      Consumer<LoginFailure> failed) {
    boolean isDemo = demo != null && provider.id().equals(DemoProvider.ID);
    if (isDemo) {
      demo.provider().awaitStarted();
    }
    AuthorizationRequest started;
    try {
      started = provider.start(callbackUri(provider.id()));
    } catch (LoginFailure e) {
      LOG.warn("{}", e.getMessage());
      failed.accept(e);
      return;
    }
    Instant now = clock.instant();
    requests.save(
        new SignInRequest(
            Tokens.hash(started.state()),
            Tokens.hash(csrf.browserId(ctx)),
            provider.id(),
            started.nonce(),
            started.codeVerifier(),
            started.redirectTo().toString(),
            postId,
            draft,
            linkFrom),
        now,
        now.plus(PENDING));
    if (isDemo) {
      // The demo's log-in step is the blog's own page, which asks for a name only.
      demo.show(ctx, started.redirectTo());
      return;
    }
    back.continueTo(ctx, provider.label(), started.redirectTo());
  }

  /** The end of {@link #link}: the commenter who started it must still be logged in here. */
  private void finishLinking(Context ctx, LoginProvider provider, SignInRequest request) {
    Optional<CommenterIdentity> who = session.identity(ctx);
    if (who.isEmpty() || who.get().id() != request.linkFrom()) {
      throw new SignInRejected(
          "This log-in was started to link it to a commenter who is no longer logged in here."
              + " Please log in and try again from your log-ins page.");
    }
    if (ctx.queryParam("error") != null) {
      logins.backWith(ctx, LoginsPage.Message.CANCELLED);
      return;
    }
    try {
      Profile profile =
          provider.complete(
              callbackUri(provider.id()),
              new AuthorizationRequest(
                  URI.create(request.redirectTo()),
                  ctx.queryParam("state"),
                  request.nonce(),
                  request.codeVerifier()),
              ctx.queryParam("code"));
      session.link(
          who.get(),
          profile.provider(),
          profile.subject(),
          profile.displayName(),
          profile.emailVerified() ? profile.email() : null,
          profile.avatarUrl(),
          profile.profileUrl());
      logins.backWith(ctx, LoginsPage.Message.LINKED);
    } catch (LoginFailure e) {
      LOG.warn("{}", e.getMessage());
      logins.backWith(ctx, LoginsPage.Message.FAILED);
    }
  }

  /** {@code GET /auth/{provider}/callback?code=...&state=...} (or {@code ?error=...}) */
  public void callback(Context ctx) {
    LoginProvider provider = provider(ctx);
    String state = ctx.queryParam("state");
    Optional<SignInRequest> pending =
        state == null || state.isBlank()
            ? Optional.empty()
            : requests.take(Tokens.hash(state), clock.instant());
    if (pending.isEmpty()
        || !pending.get().provider().equals(provider.id())
        || !pending.get().browserHash().equals(Tokens.hash(csrf.browserId(ctx)))) {
      // Forged, replayed, expired or another browser's: nothing to finish, nothing to give back.
      LOG.warn("Log-in callback from {} with an unknown, used or foreign state", provider.id());
      throw new SignInRejected(
          "This log-in could not be completed: it has expired, was already used, or was started"
              + " in another browser. Please go back to the post and log in again.");
    }
    SignInRequest request = pending.get();
    if (request.linkFrom() != null) {
      finishLinking(ctx, provider, request);
      return;
    }
    Post post = back.post(request.postId());
    CommentForm form = FormDrafts.decode(request.formData());
    String error = ctx.queryParam("error");
    if (error != null) {
      LOG.info("Log-in with {} ended at the provider: {}", provider.id(), printable(error));
      back.backToPost(
          ctx,
          post,
          form,
          "access_denied".equals(error)
              ? "You cancelled the log-in with " + provider.label() + ". Nothing was shared."
              : provider.label() + " did not log you in (" + printable(error) + ").");
      return;
    }
    try {
      Profile profile =
          provider.complete(
              callbackUri(provider.id()),
              new AuthorizationRequest(
                  URI.create(request.redirectTo()), state, request.nonce(), request.codeVerifier()),
              ctx.queryParam("code"));
      session.signIn(
          ctx,
          profile.provider(),
          profile.subject(),
          profile.displayName(),
          profile.emailVerified() ? profile.email() : null,
          profile.avatarUrl(),
          profile.profileUrl());
      back.backToPost(ctx, post, form, "You are logged in with " + provider.label() + ".");
    } catch (LoginFailure e) {
      LOG.warn("{}", e.getMessage());
      back.backToPost(ctx, post, form, e.userMessage());
    }
  }

  private LoginProvider provider(Context ctx) {
    String id = ctx.pathParam("provider");
    return providers.find(id).orElseThrow(() -> new NotFoundException("log-in provider " + id));
  }

  /** Provider error codes are short ASCII words; anything else is not shown as is. */
  private static String printable(String error) {
    return error.matches("[A-Za-z0-9_.-]{1,64}") ? error : "error";
  }
}
