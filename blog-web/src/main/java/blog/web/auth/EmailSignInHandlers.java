package blog.web.auth;

import blog.core.comment.CommentForm;
import blog.core.identity.CommenterIdentity;
import blog.core.login.EmailSignIn;
import blog.core.post.Post;
import blog.core.security.Tokens;
import blog.core.text.OneLine;
import blog.web.security.ClientAddress;
import blog.web.security.Csrf;
import blog.web.site.Pages;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * "Log in with email" from the reply form. {@code POST /auth/email/start} (a button in the form, so
 * the typed comment comes along) mails a one-time link and goes back to the post; {@code GET
 * /auth/email/confirm?token=} shows a button (a mail scanner that follows the link changes
 * nothing); {@code POST /auth/email/finish} uses the link up, starts a commenter session and
 * returns to the post with the comment as typed. Only the browser that asked can use the link.
 */
public final class EmailSignInHandlers {
  public static final String START = "/auth/email/start";
  public static final String CONFIRM = "/auth/email/confirm";
  public static final String FINISH = "/auth/email/finish";
  public static final String LINK = "/auth/email/link";
  static final int MAX_NAME = 245;

  private final EmailSignIn emailSignIn;
  private final AuthHandlers back;
  private final CommenterSession session;
  private final Csrf csrf;
  private final ClientAddress clientAddress;
  private final Pages pages;
  private final LoginsPage logins;

  public EmailSignInHandlers(
      EmailSignIn emailSignIn,
      AuthHandlers back,
      CommenterSession session,
      Csrf csrf,
      ClientAddress clientAddress,
      Pages pages,
      LoginsPage logins) {
    this.logins = logins;
    this.emailSignIn = emailSignIn;
    this.back = back;
    this.session = session;
    this.csrf = csrf;
    this.clientAddress = clientAddress;
    this.pages = pages;
  }

  /** {@code POST /auth/email/start}: the reply form, with the name and address as typed. */
  public void start(Context ctx) {
    CommentForm form = CommentFormFields.read(ctx);
    Post post = back.post(form);
    if (OneLine.clean(form.name(), " ").isEmpty() || isBlank(form.email())) {
      back.backToPost(
          ctx,
          post,
          form,
          "To log in with email, enter your name and email address, then choose Log in with"
              + " email.");
      return;
    }
    EmailSignIn.Asked asked =
        emailSignIn.ask(
            form.email(), browser(ctx), post.id(), FormDrafts.encode(form), clientAddress.of(ctx));
    String message =
        asked instanceof EmailSignIn.Asked.Sent sent
            ? "We have sent a log-in link to "
                + sent.email()
                + ". Open it in this browser within "
                + EmailSignIn.VALID.toMinutes()
                + " minutes; your comment is kept for you."
            : ((EmailSignIn.Asked.Refused) asked).message();
    back.backToPost(ctx, post, form, message);
  }

  /**
   * {@code POST /auth/email/link} from the log-ins page: mails a link that adds the address to the
   * commenter logged in here. The same answer for every well-formed address.
   */
  public void link(Context ctx) {
    CommenterIdentity who = logins.requireLoggedIn(ctx);
    String address = ctx.formParam("email");
    if (EmailSignIn.normalised(address).isEmpty()) {
      logins.backWith(ctx, LoginsPage.Message.BAD_ADDRESS);
      return;
    }
    EmailSignIn.Asked asked =
        emailSignIn.askToLink(address, browser(ctx), who.id(), clientAddress.of(ctx));
    logins.backWith(
        ctx,
        asked instanceof EmailSignIn.Asked.Sent
            ? LoginsPage.Message.SENT
            : LoginsPage.Message.TOO_MANY);
  }

  /** {@code GET /auth/email/confirm?token=}: asks for one click; uses nothing up. */
  public void confirmPage(Context ctx) {
    String token = ctx.queryParam("token");
    EmailSignIn.Link link = valid(emailSignIn.peek(token, browser(ctx)));
    ctx.header("Cache-Control", "no-store");
    pages.render(
        ctx,
        "auth/email-confirm",
        "Log in with email",
        Map.of(
            "email",
            link.email(),
            "token",
            token,
            "action",
            FINISH,
            "csrfToken",
            csrf.token(ctx),
            "linking",
            link.linkFrom() != null));
  }

  /** {@code POST /auth/email/finish}: logs the browser in and goes back to the post. */
  public void finish(Context ctx) {
    EmailSignIn.Link link = valid(emailSignIn.use(ctx.formParam("token"), browser(ctx)));
    if (link.linkFrom() != null) {
      CommenterIdentity who = logins.requireLoggedIn(ctx);
      if (who.id() != link.linkFrom()) {
        throw new SignInRejected(
            "This link was asked for to add the address to a commenter who is no longer logged"
                + " in here. Please log in and ask for a new one from your log-ins page.");
      }
      session.link(
          who, EmailSignIn.PROVIDER, link.email(), who.displayName(), link.email(), null, null);
      logins.backWith(ctx, LoginsPage.Message.LINKED);
      return;
    }
    Post post = back.post(link.postId());
    CommentForm form = FormDrafts.decode(link.formData());
    String name = OneLine.clean(form.name(), " ");
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME);
    }
    session.signIn(
        ctx,
        EmailSignIn.PROVIDER,
        link.email(),
        name.isEmpty() ? "Anonymous" : name,
        link.email(),
        null,
        null);
    back.backToPost(ctx, post, form, "You are logged in with your email address.");
  }

  private String browser(Context ctx) {
    return Tokens.hash(csrf.browserId(ctx));
  }

  private static EmailSignIn.Link valid(Optional<EmailSignIn.Link> link) {
    return link.orElseThrow(
        () ->
            new SignInRejected(
                "This log-in link could not be used: it has expired, was already used, or was"
                    + " asked for in another browser. Please go back to the post and ask for a"
                    + " new one."));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
