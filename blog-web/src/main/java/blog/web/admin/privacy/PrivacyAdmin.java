package blog.web.admin.privacy;

import blog.core.identity.User;
import blog.core.login.EmailSignIn;
import blog.core.privacy.Person;
import blog.core.privacy.PersonalData;
import blog.web.admin.AdminHandlers;
import blog.web.admin.StaffSession;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * {@code /admin/privacy} (admins): export or erase a person's data by their email address, as
 * WordPress's "Export/Erase Personal Data" screens do, each request logged with who and when.
 */
public final class PrivacyAdmin {
  public static final String PAGE = "/admin/privacy";
  public static final String EXPORT = "/admin/privacy/export";
  public static final String ERASE = "/admin/privacy/erase";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A line of the log as the screen shows it. */
  public record Line(String action, String when, String by, int comments, String person) {}

  private final PersonalData data;
  private final AdminHandlers admin;
  private final StaffSession staff;

  public PrivacyAdmin(PersonalData data, AdminHandlers admin, StaffSession staff) {
    this.data = data;
    this.admin = admin;
    this.staff = staff;
  }

  /** {@code GET /admin/privacy} */
  public void page(Context ctx) {
    show(ctx, "", "", HttpStatus.OK);
  }

  private void show(Context ctx, String email, String message, HttpStatus status) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    admin.render(
        ctx,
        "admin/privacy",
        "Privacy",
        Map.of(
            "email",
            email,
            "message",
            message,
            "keepsText",
            data.keepsErasedComments(),
            "log",
            data.requests(50).stream()
                .map(
                    r ->
                        new Line(
                            r.action(),
                            WHEN.format(r.at()),
                            r.requestedBy(),
                            r.comments(),
                            r.subjectHash().substring(0, 12)))
                .toList()));
  }

  /** {@code POST /admin/privacy/export} with {@code email}: their data as a JSON download. */
  public void export(Context ctx) {
    String email = ctx.formParam("email");
    if (EmailSignIn.normalised(email).isEmpty()) {
      show(ctx, nonNull(email), "Please enter a valid email address.", HttpStatus.BAD_REQUEST);
      return;
    }
    Person person = data.ofEmail(email);
    String json = data.export(person, by(ctx));
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Disposition", "attachment; filename=\"personal-data.json\"");
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(json.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code POST /admin/privacy/erase} with {@code email} and {@code confirm}. */
  public void erase(Context ctx) {
    String email = ctx.formParam("email");
    if (EmailSignIn.normalised(email).isEmpty()) {
      show(ctx, nonNull(email), "Please enter a valid email address.", HttpStatus.BAD_REQUEST);
      return;
    }
    if (!"yes".equals(ctx.formParam("confirm"))) {
      show(
          ctx,
          email,
          "Tick the box to confirm the erasure: it cannot be undone.",
          HttpStatus.BAD_REQUEST);
      return;
    }
    int count = data.erase(data.ofEmail(email), by(ctx));
    show(
        ctx,
        "",
        "Erased: "
            + count
            + " comment(s) "
            + (data.keepsErasedComments() ? "anonymised" : "deleted")
            + ", and the person's subscriptions and log-ins removed.",
        HttpStatus.OK);
  }

  private String by(Context ctx) {
    return "staff:" + staff.user(ctx).map(User::username).orElse("?");
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
