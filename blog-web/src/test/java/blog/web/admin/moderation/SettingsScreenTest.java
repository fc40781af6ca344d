package blog.web.admin.moderation;

import static blog.web.testing.StaffBrowsers.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.settings.SettingsEditor;
import blog.core.settings.SettingsForm;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.WebTestBase;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings screen over HTTP: admins only, checked, saved at once for the public site. */
class SettingsScreenTest extends WebTestBase {
  private StaffBrowsers staff;
  private Browser admin;

  @Override
  protected Map<String, String> config() {
    return Map.of("auth.github.client-id", "gh", "auth.github.client-secret", "secret");
  }

  @Override
  protected void prepare() {
    staff = new StaffBrowsers(db.database().jdbi(), server);
    admin = staff.loggedIn(staff.account(Role.ADMIN, "Ada Admin"));
  }

  /** The settings in force, as the form would send them back untouched. */
  private Map<String, String> currentForm(String page) throws ReflectiveOperationException {
    SettingsForm current =
        new SettingsEditor(new SettingsRepository(db.database().jdbi())).current();
    Map<String, String> form = new HashMap<>();
    for (RecordComponent c : SettingsForm.class.getRecordComponents()) {
      form.put(c.getName(), (String) c.getAccessor().invoke(current));
    }
    form.put("_csrf", hidden(page, "_csrf"));
    if (page.contains("name=\"provider_on\" value=\"github\" checked")) {
      form.put("provider_on", "github");
    }
    return form;
  }

  @Test
  void theFormShowsTheCurrentValues() {
    String page = admin.page("/admin/settings");
    assertTrue(page.contains("name=\"title\""));
    assertTrue(page.contains("name=\"trustIdentities\""));
    assertTrue(page.contains("Posts per page"));
  }

  @Test
  void dropDownsOfferWordsNotStoredValues() {
    String page = admin.page("/admin/settings");
    assertTrue(page.contains("<option value=\"oldest\" selected>Oldest first</option>"), page);
    assertTrue(page.contains(">Newest first</option>"));
    assertTrue(page.contains(">Hold comments from people with no approved comment yet</option>"));
    assertTrue(page.contains(">Patterns drawn by the blog (no third party)</option>"));
    for (String raw : new String[] {"all", "first", "none", "oldest", "newest", "identicon"}) {
      assertFalse(page.contains(">" + raw + "</option>"), raw + " shown as stored");
    }
  }

  @Test
  void theLinkLimitSaysWhatTheRuleHolds() {
    // LinkCountCheck holds a comment with more links than the setting, not as many.
    String page = admin.page("/admin/settings");
    assertTrue(page.contains("Hold a comment with more than this many links"));
    assertFalse(page.contains("at least this many links"));
  }

  @Test
  void aRefusedFormKeepsWhatWasTypedAndSavesNothing() throws Exception {
    String title = Fixtures.unique("Never Saved");
    Map<String, String> form = currentForm(admin.page("/admin/settings"));
    form.put("title", title);
    form.put("postsPerPage", "many");
    HttpResponse<String> refused = admin.post("/admin/settings", form);
    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("Please enter a whole number from 1 to 100."));
    assertTrue(refused.body().contains("value=\"many\""), "typed value kept");
    assertTrue(refused.body().contains("value=\"" + title + "\""), "typed title kept");
    assertFalse(server.page("/").contains(title), "nothing saved");
  }

  @Test
  void aSavedTitleShowsOnThePublicSiteAtOnce() throws Exception {
    String title = Fixtures.unique("Fresh Title");
    Map<String, String> form = currentForm(admin.page("/admin/settings"));
    form.put("title", title);
    HttpResponse<String> saved = admin.post("/admin/settings", form);
    assertEquals(303, saved.statusCode(), saved.body());
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertTrue(admin.page(location).contains("Settings saved."));
    assertTrue(server.page("/").contains(title), "the home page shows the new title");
  }

  @Test
  void anAdminCanSwitchALogInProviderOffAndOnAgain() throws Exception {
    String seed = "/2011/09/14/why-quality-social-networking-beats-quantity-every-time/";
    assertTrue(server.page(seed).contains("formaction=\"/auth/github/start\""));

    Map<String, String> off = currentForm(admin.page("/admin/settings"));
    off.remove("provider_on");
    assertEquals(303, admin.post("/admin/settings", off).statusCode(), "GitHub left unticked");
    assertFalse(server.page(seed).contains("/auth/github/start"), "no button any more");
    Map<String, String> typed = Browser.replyForm(admin.page(seed));
    typed.put("comment", "Switched off?");
    HttpResponse<String> refused = admin.post("/auth/github/start", typed);
    assertEquals(303, refused.statusCode());
    String back = refused.headers().firstValue("Location").orElseThrow();
    String page = admin.page(back.substring(0, back.indexOf('#')));
    assertTrue(page.contains("Log-in with GitHub is switched off on this blog."), page);
    assertEquals("Switched off?", Browser.replyForm(page).get("comment"));

    String settings = admin.page("/admin/settings");
    assertTrue(settings.contains("Offer log-in with GitHub"));
    Map<String, String> on = currentForm(settings);
    on.put("provider_on", "github");
    assertEquals(303, admin.post("/admin/settings", on).statusCode());
    assertTrue(server.page(seed).contains("formaction=\"/auth/github/start\""));
  }

  @Test
  void authorsMayNotChangeSettings() throws Exception {
    Browser author = staff.loggedIn(staff.account(Role.AUTHOR, "Al Author"));
    assertEquals(403, author.get("/admin/settings").statusCode());
    assertFalse(author.page("/admin").contains("/admin/settings"), "no link for authors");
    Map<String, String> form = currentForm(author.page("/admin"));
    form.put("title", "Hijacked");
    assertEquals(403, author.post("/admin/settings", form).statusCode());
    assertFalse(server.page("/").contains("Hijacked"));
  }
}
