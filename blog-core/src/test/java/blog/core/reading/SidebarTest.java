package blog.core.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sidebar sums up what readers can see, and nothing else. */
class SidebarTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");

  @Test
  void categoriesCountOnlyTheirVisiblePostsInNameOrder() {
    var jdbi = db.database().jdbi();
    BlogReader reader = Readers.at(jdbi, new SettingsRepository(jdbi), NOW);
    Fixtures f = new Fixtures(jdbi);
    long author = f.author("Counted");
    Instant may = Instant.parse("2024-05-20T12:00:00Z");
    Instant june = Instant.parse("2024-06-02T12:00:00Z");
    List<String> none = List.of();
    f.post(author, "Due", PostStatus.SCHEDULED, NOW.minusSeconds(60), List.of("Events"), none);
    f.post(author, "Coming", PostStatus.SCHEDULED, NOW.plusSeconds(60), List.of("Events"), none);
    f.post(author, "Both", PostStatus.PUBLISHED, may, List.of("Events", "Art"), none);
    f.post(author, "News", PostStatus.PUBLISHED, june, List.of("News"), none);
    f.post(author, "Unfinished", PostStatus.DRAFT, null, List.of("Drafts only"), none);
    f.post(author, "Tagged", PostStatus.PUBLISHED, may, none, List.of("Art"));
    Sidebar sidebar = reader.sidebar();
    assertEquals(
        List.of("Art 1", "Events 2", "News 1"),
        sidebar.categories().stream().map(c -> c.term().name() + " " + c.posts()).toList(),
        "the due post counts, the coming one and drafts do not, nor a tag of the same name");
    assertEquals(
        List.of(new ArchiveMonth(2024, 6, 2), new ArchiveMonth(2024, 5, 2)), sidebar.months());
    assertEquals(
        List.of("Due", "News", "Tagged", "Both"),
        sidebar.recentPosts().stream().map(p -> p.title()).toList());
  }
}
