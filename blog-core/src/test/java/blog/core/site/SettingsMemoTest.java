package blog.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.change.ContentVersionRepository;
import blog.core.testing.DatabaseTestBase;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Settings kept in memory per listing version: fresh after any change, here or elsewhere. */
class SettingsMemoTest extends DatabaseTestBase {
  private final AtomicLong seenVersion = new AtomicLong();
  private SettingsRepository here;
  private SettingsRepository elsewhere;
  private ContentVersionRepository versions;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    here = new SettingsRepository(jdbi, seenVersion::get);
    // Another instance: its own repository on the same database.
    elsewhere = new SettingsRepository(jdbi);
    versions = new ContentVersionRepository(jdbi);
  }

  @Test
  void aChangeElsewhereIsSeenOnceTheListingVersionMoves() {
    here.putAll(Map.of("site.tagline", "First"));
    seenVersion.set(versions.readAll().listing());
    assertEquals("First", here.content().get("site.tagline"));

    elsewhere.putAll(Map.of("site.tagline", "Second"));
    assertEquals("First", here.content().get("site.tagline"), "kept until the version moves");
    assertEquals("Second", here.all().get("site.tagline"), "all() always reads");

    seenVersion.set(versions.readAll().listing()); // as the poller would, within 250 ms
    assertEquals("Second", here.content().get("site.tagline"));
    assertEquals("Second", here.site().tagline());
  }

  @Test
  void aChangeMadeHereIsSeenAtOnce() {
    seenVersion.set(versions.readAll().listing());
    assertEquals(here.all(), here.content());
    here.putAll(Map.of("site.title", "Changed here"));
    assertEquals("Changed here", here.content().get("site.title"), "no wait for the poller");
    here.compareAndSet("site.title", "Changed here", "Swapped here");
    assertEquals("Swapped here", here.content().get("site.title"));
    here.putIfAbsent("site.new-name", "Added here");
    assertEquals("Added here", here.content().get("site.new-name"));
  }

  @Test
  void withoutAVersionNothingIsKept() {
    SettingsRepository plain = new SettingsRepository(db.database().jdbi());
    plain.content();
    elsewhere.putAll(Map.of("site.tagline", "Unkept"));
    assertEquals("Unkept", plain.content().get("site.tagline"));
  }
}
