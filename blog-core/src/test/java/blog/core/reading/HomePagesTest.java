package blog.core.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import blog.core.NotFoundException;
import blog.core.comment.CommentRepository;
import blog.core.identity.IdentityRepository;
import blog.core.post.PostPage;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.TermRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Later home pages read from where they start (keyset) are the very pages offsets give. */
class HomePagesTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");
  private BlogReader reader;
  private SettingsRepository settings;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    settings = new SettingsRepository(jdbi);
    settings.putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "4"));
    reader =
        new BlogReader(
            new PostRepository(jdbi),
            new TermRepository(jdbi),
            new CommentRepository(jdbi),
            new UserRepository(jdbi),
            new IdentityRepository(jdbi),
            settings,
            Clock.fixed(NOW, ZoneOffset.UTC));
    Fixtures f = new Fixtures(jdbi);
    long author = f.author("Paged");
    for (int i = 0; i < 23; i++) {
      // Pairs share a publication time: the id alone orders them.
      f.post(author, "Post " + i, PostStatus.PUBLISHED, NOW.minusSeconds(3_600L * (i / 2)));
    }
    f.post(author, "Draft", PostStatus.DRAFT, null);
    f.post(author, "Later", PostStatus.SCHEDULED, NOW.plusSeconds(60));
  }

  private static List<String> titles(PostPage page) {
    return page.posts().stream().map(s -> s.post().title()).toList();
  }

  @Test
  void everyPageIsTheSameReadFromItsStart() {
    HomePages starts = reader.homePages();
    assertEquals(6, starts.firsts().size(), "23 readable posts, 4 a page");
    for (int page = 1; page <= 6; page++) {
      PostPage byOffset = reader.home(page);
      PostPage byKey = reader.home(page, starts);
      assertEquals(titles(byOffset), titles(byKey), "page " + page);
      assertEquals(byOffset.hasOlder(), byKey.hasOlder(), "page " + page);
    }
    assertEquals(3, reader.home(6, starts).posts().size());
    assertThrows(NotFoundException.class, () -> reader.home(7, starts));
    assertThrows(NotFoundException.class, () -> reader.home(7));
  }

  @Test
  void startsMadeForAnotherPageSizeAreNotUsed() {
    HomePages forFour = reader.homePages();
    settings.putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "5"));
    try {
      assertEquals(titles(reader.home(3)), titles(reader.home(3, forFour)));
      assertEquals(5, reader.home(3, forFour).posts().size());
    } finally {
      settings.putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "4"));
    }
  }
}
