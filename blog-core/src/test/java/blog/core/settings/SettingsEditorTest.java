package blog.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import blog.core.comment.AvatarSource;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.ModerationMode;
import blog.core.settings.SettingsEditor.Outcome;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.testing.DatabaseTestBase;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsEditorTest extends DatabaseTestBase {
  private SettingsRepository settings;
  private SettingsEditor editor;

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
    editor = new SettingsEditor(settings);
  }

  @BeforeEach
  void noSettingsStored() {
    db.database().jdbi().useHandle(h -> h.execute("DELETE FROM settings"));
  }

  /** A form as a browser sends it: the form as shown, with {@code changes}. */
  private SettingsForm form(Map<String, String> changes) throws ReflectiveOperationException {
    Map<String, String> params = new HashMap<>();
    SettingsForm current = editor.current();
    for (RecordComponent field : SettingsForm.class.getRecordComponents()) {
      params.put(field.getName(), (String) field.getAccessor().invoke(current));
    }
    params.putAll(changes);
    return SettingsForm.read(params::get);
  }

  @Test
  void theParameterNamesAreTheFormsFieldNames() {
    assertEquals(
        Arrays.stream(SettingsForm.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList(),
        SettingsForm.FIELDS);
  }

  @Test
  void theFormShowsTheSettingsInForceWithDefaultsForWhatIsNotStored() {
    SettingsForm shown = editor.current();
    assertEquals("My Blog", shown.title());
    assertEquals("10", shown.postsPerPage());
    assertEquals("MMMM d, yyyy", shown.dateFormat());
    assertEquals("UTC", shown.timeZone());
    assertEquals("true", shown.requireNameEmail());
    assertEquals("first", shown.moderation());
    assertEquals("", shown.blocklist());
    assertEquals("oldest", shown.commentsOrder());
    assertEquals("identicon", shown.avatars());
    assertEquals("false", shown.trustIdentities());
  }

  @Test
  void aValidFormIsStoredWholeAndPagesSeeItAtOnce() throws Exception {
    Map<String, String> changes = new HashMap<>();
    changes.put("title", "  Field Notes ");
    changes.put("tagline", "");
    changes.put("postsPerPage", "5");
    changes.put("dateFormat", "d MMMM uuuu");
    changes.put("timeFormat", "HH:mm");
    changes.put("timeZone", "Europe/Berlin");
    changes.put("requireNameEmail", null); // an unticked checkbox is not sent
    changes.put("moderation", "ALL");
    changes.put("blocklist", "  Casino \r\n\r\nviagra\n");
    changes.put("pageComments", "on");
    changes.put("commentsOrder", "newest");
    changes.put("avatars", "gravatar");
    changes.put("trustIdentities", "true");
    changes.put("ipRetentionDays", "0");

    Outcome.Saved saved = assertInstanceOf(Outcome.Saved.class, editor.save(form(changes)));
    SiteSettings site = settings.site();
    assertEquals(site, saved.site());
    assertEquals("Field Notes", site.title());
    assertEquals("", site.tagline());
    assertEquals(5, site.postsPerPage());
    assertEquals("d MMMM uuuu", site.dateFormat());
    assertEquals(ZoneId.of("Europe/Berlin"), site.timeZone());
    DiscussionSettings d = DiscussionSettings.from(settings.all());
    assertEquals(d, saved.discussion());
    assertEquals(false, d.requireNameAndEmail());
    assertEquals(ModerationMode.ALL, d.moderation());
    assertEquals(List.of("casino", "viagra"), d.blocklist());
    assertEquals(true, d.pageComments());
    assertEquals(true, d.newestFirst());
    assertEquals(AvatarSource.GRAVATAR, d.avatars());
    assertEquals(true, d.trustIdentities());
    assertEquals(0, d.ipRetentionDays());
    assertEquals("Casino\nviagra", editor.current().blocklist(), "shown as typed");
    assertEquals("all", editor.current().moderation());
  }

  @Test
  void everyBadFieldIsReportedAndNothingIsStored() throws Exception {
    Map<String, String> changes = new HashMap<>();
    changes.put("title", " ");
    changes.put("postsPerPage", "0");
    changes.put("dateFormat", "yyyy-MM-dd {");
    changes.put("timeFormat", "HH:mm bbb");
    changes.put("timeZone", "Mars/Olympus_Mons");
    changes.put("moderation", "sometimes");
    changes.put("maxLinks", "-1");
    changes.put("threadDepth", "11");
    changes.put("floodSeconds", "ten");
    changes.put("maxLength", "");
    changes.put("pageComments", "maybe");
    changes.put("commentsOrder", "random");
    changes.put("avatars", "libravatar");
    changes.put("editWindowMinutes", "10081");
    changes.put("tagline", "Still valid, but not stored");

    Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, editor.save(form(changes)));
    List<String> fields = refused.errors().stream().map(FieldError::field).sorted().toList();
    assertEquals(
        changes.keySet().stream().filter(f -> !f.equals("tagline")).sorted().toList(), fields);
    assertEquals(Map.of(), settings.all(), "all or nothing");
    assertEquals(
        "Please enter a whole number from 1 to 10.",
        refused.errors().stream()
            .filter(e -> e.field().equals("threadDepth"))
            .findFirst()
            .orElseThrow()
            .message());
  }

  @Test
  void theLimitsAreThoseTheDiscussionSettingsAccept() throws Exception {
    Map<String, String> lowest =
        Map.of(
            "maxLinks", "0",
            "threadDepth", "1",
            "closeAfterDays", "0",
            "floodSeconds", "0",
            "minSecondsToSubmit", "0",
            "maxLength", "1",
            "editWindowMinutes", "0",
            "commentsPerPage", "1",
            "ipRetentionDays", "0");
    Map<String, String> highest =
        Map.of(
            "maxLinks", "1000",
            "threadDepth", "10",
            "closeAfterDays", "100000",
            "floodSeconds", "86400",
            "minSecondsToSubmit", "3600",
            "maxLength", "100000",
            "editWindowMinutes", "10080",
            "commentsPerPage", "1000",
            "ipRetentionDays", "100000");
    for (Map<String, String> limits : List.of(lowest, highest)) {
      assertInstanceOf(Outcome.Saved.class, editor.save(form(limits)));
      SettingsForm shown = editor.current();
      assertEquals(limits.get("maxLinks"), shown.maxLinks());
      assertEquals(limits.get("threadDepth"), shown.threadDepth());
      assertEquals(limits.get("closeAfterDays"), shown.closeAfterDays());
      assertEquals(limits.get("floodSeconds"), shown.floodSeconds());
      assertEquals(limits.get("minSecondsToSubmit"), shown.minSecondsToSubmit());
      assertEquals(limits.get("maxLength"), shown.maxLength());
      assertEquals(limits.get("editWindowMinutes"), shown.editWindowMinutes());
      assertEquals(limits.get("commentsPerPage"), shown.commentsPerPage());
      assertEquals(limits.get("ipRetentionDays"), shown.ipRetentionDays());
    }
  }

  @Test
  void savingTheFormAsShownChangesNothing() {
    settings.putAll(Map.of(SiteSettings.TITLE, "Kept", DiscussionSettings.MAX_LINKS, "7"));
    SettingsForm before = editor.current();
    assertInstanceOf(Outcome.Saved.class, editor.save(before));
    assertEquals(before, editor.current());
  }
}
