package blog.web;

import blog.core.comment.CommentCountsRepository;
import blog.core.db.Database;
import blog.core.site.SettingsRepository;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the embedded database was stopped cleanly last time: a mark set as the blog stops, and
 * cleared as it starts. Found missing at a start (a crash, a power loss, {@code kill -9}), the
 * comment counts are counted again from the rows, so that nothing a crash left behind in them
 * shows; PostgreSQL keeps them in its transactions and needs none of this.
 */
public final class CleanStop {
  private static final Logger LOG = LoggerFactory.getLogger(CleanStop.class);
  static final String MARK = "server.stopped-cleanly";

  private final SettingsRepository settings;

  private CleanStop(SettingsRepository settings) {
    this.settings = settings;
  }

  /** At start, after the migrations: recounts after an unclean stop; null when not embedded. */
  static CleanStop atStart(Database database) {
    if (!database.isEmbeddedFile()) {
      return null;
    }
    var jdbi = database.jdbi();
    SettingsRepository settings = new SettingsRepository(jdbi);
    String mark = settings.all().get(MARK);
    if (!"true".equals(mark)) {
      new CommentCountsRepository(jdbi).recount();
      if (mark != null) {
        LOG.info("The last stop was not clean: comment counts counted again from the comments");
      }
    }
    settings.putAll(Map.of(MARK, "false"));
    // In the file before anything else happens: a crash a moment later must find it cleared.
    database.stored().await();
    return new CleanStop(settings);
  }

  /**
   * After {@code generate} filled a file no blog has served yet (no mark at all), which keeps every
   * comment count as it adds rows: its counts are exact, so the first start need not count a
   * million comments again. A file a blog has served keeps its mark, clean or not.
   */
  public static void countsExactIfNeverServed(Database database) {
    SettingsRepository settings = new SettingsRepository(database.jdbi());
    if (!settings.all().containsKey(MARK)) {
      settings.putAll(Map.of(MARK, "true"));
    }
  }

  /** As the blog stops, after its jobs and before the database closes. */
  void mark() {
    settings.putAll(Map.of(MARK, "true"));
  }
}
