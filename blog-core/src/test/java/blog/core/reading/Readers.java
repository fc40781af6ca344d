package blog.core.reading;

import blog.core.comment.CommentRepository;
import blog.core.identity.IdentityRepository;
import blog.core.identity.UserRepository;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import blog.core.taxonomy.TermRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/** A {@link BlogReader} on a test database, its clock stopped at one instant. */
final class Readers {
  private Readers() {}

  static BlogReader at(Jdbi jdbi, SettingsRepository settings, Instant now) {
    return on(jdbi, settings, Clock.fixed(now, ZoneOffset.UTC));
  }

  /** A {@link BlogReader} on a test database, on {@code clock}. */
  static BlogReader on(Jdbi jdbi, SettingsRepository settings, Clock clock) {
    return new BlogReader(
        new PostRepository(jdbi),
        new TermRepository(jdbi),
        new CommentRepository(jdbi),
        new UserRepository(jdbi),
        new IdentityRepository(jdbi),
        settings,
        clock);
  }
}
