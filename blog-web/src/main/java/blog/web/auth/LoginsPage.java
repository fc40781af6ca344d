package blog.web.auth;

import blog.core.identity.CommenterIdentity;
import blog.core.login.EmailSignIn;
import blog.web.security.Csrf;
import blog.web.site.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /auth/logins}, "Your log-ins": the ways the logged-in commenter logs in (providers and
 * email addresses linked to one commenter), linking another and unlinking one (never the last). A
 * provider the blog no longer offers is marked, so its users link another way while they can.
 */
public final class LoginsPage {
  public static final String PATH = "/auth/logins";
  public static final String UNLINK = "/auth/logins/unlink";

  /** What the page says after an action; the address carries only the code. */
  public enum Message {
    LINKED("linked", "The new way to log in is linked. You can use any of these from now on."),
    SENT(
        "sent",
        "We have sent a link to the address you gave. Open it in this browser within "
            + EmailSignIn.VALID.toMinutes()
            + " minutes to link it."),
    BAD_ADDRESS("bad-address", "Please enter a valid email address to link it."),
    TOO_MANY(
        "too-many",
        "Too many log-in links were asked for from your connection. Please try again later."),
    UNLINKED("unlinked", "That way to log in is no longer linked to you."),
    LAST("last", "That is your only way to log in, so it stays linked."),
    CURRENT("current", "You are logged in with that one. Log in another way first to unlink it."),
    CANCELLED("cancelled", "You cancelled at the provider. Nothing was linked."),
    FAILED("failed", "The provider did not log you in, so nothing was linked. Please try again."),
    SWITCHED_OFF("switched-off", "That log-in provider is switched off on this blog.");

    final String code;
    final String text;

    Message(String code, String text) {
      this.code = code;
      this.text = text;
    }

    static String textOf(String code) {
      return Arrays.stream(values())
          .filter(m -> m.code.equals(code))
          .map(m -> m.text)
          .findFirst()
          .orElse("");
    }
  }

  /** One way to log in, as the page lists it. */
  public record Row(
      long id, String label, String name, boolean current, boolean offered, boolean canUnlink) {}

  private final CommenterSession session;
  private final LoginMenu menu;
  private final Csrf csrf;
  private final Pages pages;
  private final boolean mailEnabled;

  public LoginsPage(
      CommenterSession session, LoginMenu menu, Csrf csrf, Pages pages, boolean mailEnabled) {
    this.session = session;
    this.menu = menu;
    this.csrf = csrf;
    this.pages = pages;
    this.mailEnabled = mailEnabled;
  }

  /** Whether people can log in with {@code provider} on this blog now. */
  public boolean offers(String provider) {
    return EmailSignIn.PROVIDER.equals(provider) ? mailEnabled : menu.offers(provider);
  }

  /** What to call a way to log in: "Email" or the provider's label. */
  public String label(String provider) {
    return EmailSignIn.PROVIDER.equals(provider) ? "Email" : menu.label(provider);
  }

  /** {@code GET /auth/logins} */
  public void page(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    Map<String, Object> model = new HashMap<>();
    model.put("message", Message.textOf(String.valueOf(ctx.queryParam("m"))));
    model.put("csrfToken", csrf.token(ctx));
    model.put("unlinkUrl", UNLINK);
    model.put("emailLinkUrl", EmailSignInHandlers.LINK);
    model.put("mailEnabled", mailEnabled);
    var who = session.identity(ctx);
    model.put("loggedIn", who.isPresent());
    if (who.isEmpty()) {
      model.put("rows", List.of());
      model.put("providers", List.of());
      model.put("comments", 0L);
      pages.render(ctx, "auth/logins", "Your log-ins", model);
      return;
    }
    List<CommenterIdentity> linked = session.linked(who.get());
    List<Row> rows =
        linked.stream()
            .map(
                i ->
                    new Row(
                        i.id(),
                        label(i.provider()),
                        EmailSignIn.PROVIDER.equals(i.provider()) ? i.subject() : i.displayName(),
                        i.id() == who.get().id(),
                        offers(i.provider()),
                        linked.size() > 1 && i.id() != who.get().id()))
            .toList();
    Set<String> have = linked.stream().map(CommenterIdentity::provider).collect(Collectors.toSet());
    model.put("rows", rows);
    model.put("providers", menu.buttons().stream().filter(b -> !have.contains(b.id())).toList());
    model.put("comments", session.commentCount(who.get()));
    pages.render(ctx, "auth/logins", "Your log-ins", model);
  }

  /** {@code POST /auth/logins/unlink} with {@code id}: never the last way, nor the current one. */
  public void unlink(Context ctx) {
    CommenterIdentity who = requireLoggedIn(ctx);
    String raw = ctx.formParam("id");
    long id = raw != null && raw.matches("[0-9]{1,18}") ? Long.parseLong(raw) : -1;
    if (id == who.id()) {
      backWith(ctx, Message.CURRENT);
      return;
    }
    backWith(ctx, session.unlink(who, id) ? Message.UNLINKED : Message.LAST);
  }

  /** The commenter logged in on this browser; a request without one is refused with a page. */
  CommenterIdentity requireLoggedIn(Context ctx) {
    return session
        .identity(ctx)
        .orElseThrow(
            () ->
                new SignInRejected(
                    "You are not logged in as a commenter on this browser. Log in from the reply"
                        + " form of any post, then come back to your log-ins."));
  }

  void backWith(Context ctx, Message message) {
    ctx.redirect(PATH + "?m=" + message.code, HttpStatus.SEE_OTHER);
  }
}
