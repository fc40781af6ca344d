package blog.web.admin.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The account page and the staff list over HTTP, on each database: who may see them, the password
 * changed (the current one asked for), turning the password off refused without a passkey, an
 * admin's recovery, and the passkey log-in's challenge and refusal. Real passkeys are made in
 * Chromium by {@code PasskeyJourneyTest}.
 */
class AccountScreensTest extends WebTestBase {
  private StaffBrowsers staff;

  @Override
  protected void prepare() {
    staff = new StaffBrowsers(db.database().jdbi(), server);
  }

  private static String csrf(Browser browser, String path) {
    return StaffBrowsers.hidden(browser.page(path), "_csrf");
  }

  @Test
  void theAccountPageIsEveryStaffMembersAndTheStaffListAdminsOnly() {
    assertEquals(303, new Browser(server).get(AccountHandlers.PAGE).statusCode());
    Browser author = staff.loggedIn(staff.account(Role.AUTHOR, "Ann Author"));
    String page = author.page(AccountHandlers.PAGE);
    assertTrue(page.contains("You have no passkey yet."), page);
    assertTrue(page.contains("Once you have a passkey you can turn your password off"));
    assertEquals(403, author.get(StaffList.PAGE).statusCode());
  }

  @Test
  void changingThePasswordNeedsTheCurrentOne() {
    User user = staff.account(Role.AUTHOR, "Cam Changer");
    Browser browser = staff.loggedIn(user);
    String token = csrf(browser, AccountHandlers.PAGE);
    HttpResponse<String> wrong =
        browser.post(
            AccountHandlers.PASSWORD,
            Map.of("current", "not it", "password", "a new good secret", "_csrf", token));
    assertEquals(422, wrong.statusCode());
    assertTrue(wrong.body().contains("That is not your current password."));
    HttpResponse<String> right =
        browser.post(
            AccountHandlers.PASSWORD,
            Map.of(
                "current",
                StaffBrowsers.PASSWORD,
                "password",
                "a new good secret",
                "_csrf",
                token));
    assertEquals(303, right.statusCode(), right.body());
    assertTrue(
        browser.page(AccountHandlers.PAGE + "?done=password").contains("Your password is set"));
  }

  @Test
  void thePasswordStaysOnWithoutAPasskey() {
    User user = staff.account(Role.AUTHOR, "Nia Nokey");
    Browser browser = staff.loggedIn(user);
    HttpResponse<String> off =
        browser.post(
            AccountHandlers.PASSWORD_OFF, Map.of("_csrf", csrf(browser, AccountHandlers.PAGE)));
    assertEquals(409, off.statusCode());
    assertTrue(off.body().contains("Add a passkey first"));
    assertFalse(new UserRepository(db.database().jdbi()).passwordOff(user.id()));
  }

  @Test
  void anAdminSetsANewPasswordForSomeoneLockedOutAndTurnsItOn() {
    User lost = staff.account(Role.AUTHOR, "Lee Lost");
    db.database()
        .jdbi()
        .useHandle(h -> h.execute("UPDATE users SET password_off = TRUE WHERE id = ?", lost.id()));
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Ada Admin"));
    String list = admin.page(StaffList.PAGE);
    assertTrue(list.contains("Lee Lost"), list);
    HttpResponse<String> weak =
        admin.post(
            "/admin/staff/" + lost.id() + "/password",
            Map.of("password", "short", "_csrf", StaffBrowsers.hidden(list, "_csrf")));
    assertEquals(422, weak.statusCode());
    HttpResponse<String> set =
        admin.post(
            "/admin/staff/" + lost.id() + "/password",
            Map.of("password", "back in business", "_csrf", StaffBrowsers.hidden(list, "_csrf")));
    assertEquals(200, set.statusCode());
    assertTrue(set.body().contains("their password is on"), set.body());
    assertFalse(new UserRepository(db.database().jdbi()).passwordOff(lost.id()));
  }

  @Test
  void thePasskeyLogInGivesAChallengeOnlyWithTheFormTokenAndRefusesAnUnknownPasskey() {
    Browser browser = new Browser(server);
    String token = csrf(browser, "/admin/login");
    assertEquals(403, browser.post("/admin/login/passkey/options", Map.of()).statusCode());
    HttpResponse<String> options =
        browser.post("/admin/login/passkey/options", Map.of("_csrf", token));
    assertEquals(200, options.statusCode());
    assertTrue(options.body().contains("\"rpId\":\"localhost\""), options.body());
    assertEquals("no-store", options.headers().firstValue("Cache-Control").orElse(""));

    HttpResponse<String> refused =
        browser.post(
            "/admin/login/passkey",
            Map.of(
                "credential_id", "AAAA",
                "client_data_json", "e30",
                "authenticator_data", "AA",
                "signature", "AA",
                "_csrf", token));
    assertEquals(401, refused.statusCode());
    assertTrue(refused.body().contains("That passkey was not accepted."));
    assertEquals(303, browser.get("/admin").statusCode(), "not logged in");
  }
}
