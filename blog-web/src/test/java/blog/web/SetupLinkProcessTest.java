package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.Slow;
import blog.web.testing.AppProcess;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A brand-new blog in a process of its own, as its first operator meets it: the start-up log prints
 * a one-time setup link, and that link (and only once) makes the first administrator.
 */
@Slow
class SetupLinkProcessTest {
  private static final Pattern LINK = Pattern.compile("(/admin/setup\\?token=[A-Za-z0-9_-]+)");

  @Test
  void theLinkInTheStartUpLogCreatesTheFirstAdminOnce() {
    try (AppProcess app =
        AppProcess.start(
            "setup",
            Map.of(
                "BLOG_DB_URL", "jdbc:h2:mem:setup;DB_CLOSE_DELAY=-1",
                "BLOG_HOST", "127.0.0.1",
                "BLOG_PORT", "0",
                "BLOG_AUTH_DEMO_ENABLED", "false"))) {
      String log = app.output();
      assertTrue(log.contains("This blog has no administrator yet."), app.everything());
      Matcher link = LINK.matcher(log);
      assertTrue(link.find(), "a setup link in the log:\n" + log);
      String path = link.group(1);
      String token = path.substring(path.indexOf('=') + 1);
      assertFalse(link.find(), "one link, printed once");

      Browser operator = new Browser(app);
      assertEquals(
          404,
          operator.get("/admin/setup?token=" + token.substring(1) + "x").statusCode(),
          "a wrong token opens nothing");
      String page = operator.page(path);
      Map<String, String> form = new HashMap<>();
      form.put("token", token);
      form.put("username", "first-admin");
      form.put("display_name", "Founding Admin");
      form.put("password", StaffBrowsers.PASSWORD);
      form.put("_csrf", StaffBrowsers.hidden(page, "_csrf"));
      HttpResponse<String> made = operator.post("/admin/setup", form);
      assertEquals(303, made.statusCode(), made.body());
      assertTrue(operator.page("/admin").contains("Founding Admin"), "logged in as the new admin");

      Browser latecomer = new Browser(app);
      assertEquals(404, latecomer.get(path).statusCode(), "the link worked once");
      String login = latecomer.page("/admin/login");
      form.put("username", "second-admin");
      form.put("_csrf", StaffBrowsers.hidden(login, "_csrf"));
      HttpResponse<String> again = latecomer.post("/admin/setup", form);
      assertEquals(422, again.statusCode(), again.body());
      assertTrue(again.body().contains("This setup link is no longer valid."));
      assertEquals(303, latecomer.get("/admin").statusCode(), "no second admin, no session");

      Map<String, String> in = new HashMap<>();
      in.put("username", "first-admin");
      in.put("password", StaffBrowsers.PASSWORD);
      in.put("next", "/admin");
      in.put("_csrf", StaffBrowsers.hidden(latecomer.page("/admin/login"), "_csrf"));
      assertEquals(303, latecomer.post("/admin/login", in).statusCode(), "the admin can log in");
    }
  }
}
