package blog.core.comment;

import blog.core.site.SettingsRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a commenter's IP address and user agent only as long as moderation needs them: comments
 * older than {@code discussion.ip-retention-days} (0 = keep forever) lose both. Meant to run
 * periodically in every instance; instances sharing a database may run it at the same moment, as
 * clearing what is already clear changes nothing.
 */
public final class ClientDataRetention {
  private static final Logger log = LoggerFactory.getLogger(ClientDataRetention.class);

  private final CommentRepository comments;
  private final SettingsRepository settings;
  private final Clock clock;

  public ClientDataRetention(CommentRepository comments, SettingsRepository settings, Clock clock) {
    this.comments = comments;
    this.settings = settings;
    this.clock = clock;
  }

  /** Clears what is past the retention now; returns how many comments it changed. */
  public int purge() {
    int days = DiscussionSettings.from(settings.all()).ipRetentionDays();
    if (days == 0) {
      return 0;
    }
    int cleared = comments.clearClientDataBefore(clock.instant().minus(Duration.ofDays(days)));
    if (cleared > 0) {
      log.info(
          "cleared IP address and user agent of {} comment(s) older than {} days", cleared, days);
    }
    return cleared;
  }
}
