package blog.web.privacy;

import blog.core.comment.CommentEditing;
import blog.core.comment.CommentService;
import blog.core.comment.CommentStatus;
import blog.core.privacy.Person;
import blog.core.privacy.PersonalData;
import blog.core.privacy.PersonalDataRepository.OwnComment;
import blog.core.security.Tokens;
import blog.web.auth.CommenterSession;
import blog.web.security.ClientAddress;
import blog.web.security.Csrf;
import blog.web.site.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /my-comments}: a logged-in commenter's comments (with every linked identity), or a guest's
 * through a link mailed to the address they commented with: each comment with its state, edit
 * within the edit window and delete; subscriptions with one-click cancel; "Download my data"; and
 * "Erase me". A guest's forms carry the link's token; every form its CSRF token.
 */
public final class MyCommentsHandlers {
  public static final String PATH = "/my-comments";
  public static final String ASK = "/my-comments/ask";
  public static final String EDIT = "/my-comments/edit";
  public static final String DELETE = "/my-comments/delete";
  public static final String CANCEL = "/my-comments/cancel";
  public static final String EXPORT = "/my-comments/export";
  public static final String ERASE = "/my-comments/erase";

  private static final Map<String, String> MESSAGES =
      Map.of(
          "sent",
          "If comments were written with that address, we have sent it a link to them. Open it"
              + " in this browser within an hour.",
          "edited",
          "Your comment was changed.",
          "deleted",
          "Your comment was deleted.",
          "cancelled",
          "The subscription is cancelled: no more mails for it.",
          "too-late",
          CommentEditing.TOO_LATE,
          "bad-address",
          "Please enter a valid email address.",
          "too-many",
          "Too many links were asked for from your connection. Please try again later.",
          "confirm",
          "Tick the box to confirm that everything about you is to be erased.");

  /** One comment as the page lists it. */
  public record Row(
      long id,
      String postTitle,
      String postUrl,
      String state,
      String writtenAt,
      String writtenIso,
      String text,
      boolean editable) {}

  private final PersonalData data;
  private final CommentEditing editing;
  private final CommenterSession session;
  private final Csrf csrf;
  private final ClientAddress clientAddress;
  private final Pages pages;
  private final PostLinks postLinks;
  private final Clock clock;
  private final boolean mailEnabled;

  /** The public address of a post, by id (empty when it is not visible). */
  public interface PostLinks {
    Optional<String> of(long postId);
  }

  public MyCommentsHandlers(
      PersonalData data,
      CommentEditing editing,
      CommenterSession session,
      Csrf csrf,
      ClientAddress clientAddress,
      Pages pages,
      PostLinks postLinks,
      Clock clock,
      boolean mailEnabled) {
    this.data = data;
    this.editing = editing;
    this.session = session;
    this.csrf = csrf;
    this.clientAddress = clientAddress;
    this.pages = pages;
    this.postLinks = postLinks;
    this.clock = clock;
    this.mailEnabled = mailEnabled;
  }

  /** Who is asking: a guest by the link's token, else the commenter logged in here. */
  private Optional<Person> person(Context ctx, String token) {
    if (token != null && !token.isBlank()) {
      return data.emailOfLink(token, browser(ctx)).map(data::ofEmail);
    }
    return session.identity(ctx).map(who -> PersonalData.of(session.linked(who)));
  }

  private String browser(Context ctx) {
    return Tokens.hash(csrf.browserId(ctx));
  }

  /** {@code GET /my-comments} (with {@code ?token=} from the mail for a guest) */
  public void page(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    String token = ctx.queryParam("token");
    Map<String, Object> model = new HashMap<>();
    model.put("csrfToken", csrf.token(ctx));
    model.put("token", token == null ? "" : token);
    model.put("message", MESSAGES.getOrDefault(String.valueOf(ctx.queryParam("m")), ""));
    model.put("mailEnabled", mailEnabled);
    model.put("keepsText", data.keepsErasedComments());
    Optional<Person> person = person(ctx, token);
    model.put("known", person.isPresent());
    model.put("expired", token != null && !token.isBlank() && person.isEmpty());
    if (person.isEmpty()) {
      model.put("rows", List.of());
      model.put("subscriptions", List.of());
      pages.render(ctx, "privacy/my-comments", "My comments", model);
      return;
    }
    List<OwnComment> comments = data.comments(person.get());
    Set<Long> own = comments.stream().map(OwnComment::id).collect(Collectors.toSet());
    model.put(
        "rows",
        comments.stream()
            .map(
                c ->
                    new Row(
                        c.id(),
                        c.postTitle(),
                        postLinks.of(c.postId()).map(url -> url + "#comment-" + c.id()).orElse(""),
                        state(c.status()),
                        c.createdAt().toString().substring(0, 16).replace('T', ' ') + " UTC",
                        c.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                        c.text(),
                        editing.editable(c.id(), own, clock.instant()).isPresent()))
            .toList());
    model.put("subscriptions", data.subscriptions(person.get()));
    pages.render(ctx, "privacy/my-comments", "My comments", model);
  }

  private static String state(CommentStatus status) {
    return switch (status) {
      case APPROVED -> "Published";
      case PENDING -> "Awaiting moderation";
      default -> "Not published";
    };
  }

  /** {@code POST /my-comments/ask} with {@code email}: mails a guest their link. */
  public void ask(Context ctx) {
    PersonalData.Asked asked =
        data.askLink(ctx.formParam("email"), browser(ctx), clientAddress.of(ctx));
    String code =
        asked instanceof PersonalData.Asked.Sent
            ? "sent"
            : data.askedBadAddress(ctx.formParam("email")) ? "bad-address" : "too-many";
    ctx.redirect(PATH + "?m=" + code, HttpStatus.SEE_OTHER);
  }

  /** {@code POST /my-comments/edit} with {@code id} and {@code comment}. */
  public void edit(Context ctx) {
    Acting a = acting(ctx);
    CommentService.Outcome outcome =
        editing.edit(id(ctx), ctx.formParam("comment"), a.own(), clock.instant());
    back(ctx, a, outcome instanceof CommentService.Outcome.Stored ? "edited" : "too-late");
  }

  /** {@code POST /my-comments/delete} with {@code id}. */
  public void delete(Context ctx) {
    Acting a = acting(ctx);
    back(
        ctx,
        a,
        editing.delete(id(ctx), a.own(), clock.instant()).isEmpty() ? "deleted" : "too-late");
  }

  /** {@code POST /my-comments/cancel} with a subscription's {@code id}. */
  public void cancel(Context ctx) {
    Acting a = acting(ctx);
    data.cancelSubscription(a.person(), id(ctx));
    back(ctx, a, "cancelled");
  }

  /** {@code POST /my-comments/export}: everything kept about them, as a JSON download. */
  public void export(Context ctx) {
    Acting a = acting(ctx);
    String json = data.export(a.person(), "self");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Disposition", "attachment; filename=\"my-data.json\"");
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(json.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code POST /my-comments/erase} with {@code confirm}: erases them, then says so. */
  public void erase(Context ctx) {
    Acting a = acting(ctx);
    if (!"yes".equals(ctx.formParam("confirm"))) {
      back(ctx, a, "confirm");
      return;
    }
    int count = data.erase(a.person(), "self");
    session.signOut(ctx);
    ctx.header("Cache-Control", "no-store");
    pages.render(
        ctx,
        "privacy/erased",
        "Erased",
        Map.of(
            "count", count, "keepsText", data.keepsErasedComments(), "mailEnabled", mailEnabled));
  }

  private record Acting(Person person, Set<Long> own, String token) {}

  private Acting acting(Context ctx) {
    String token = ctx.formParam("token");
    Person person =
        person(ctx, token)
            .orElseThrow(
                () ->
                    new blog.web.auth.SignInRejected(
                        "This page's link has expired or belongs to another browser, or you are"
                            + " no longer logged in. Ask for a new link on My comments."));
    Set<Long> own = data.comments(person).stream().map(OwnComment::id).collect(Collectors.toSet());
    return new Acting(person, own, token == null ? "" : token);
  }

  private static long id(Context ctx) {
    String raw = ctx.formParam("id");
    return raw != null && raw.matches("[0-9]{1,18}") ? Long.parseLong(raw) : -1;
  }

  private static void back(Context ctx, Acting a, String code) {
    String token =
        a.token().isEmpty()
            ? ""
            : "&token=" + java.net.URLEncoder.encode(a.token(), StandardCharsets.UTF_8);
    ctx.redirect(PATH + "?m=" + code + token, HttpStatus.SEE_OTHER);
  }
}
