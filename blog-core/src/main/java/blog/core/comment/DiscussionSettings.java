package blog.core.comment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The discussion settings with WordPress-like defaults. Stored as {@code discussion.*} rows in the
 * settings table; values that are missing or unusable fall back to the defaults.
 */
public record DiscussionSettings(
    boolean requireNameAndEmail,
    int threadDepth,
    int maxLength,
    ModerationMode moderation,
    int maxLinks,
    List<String> blocklist,
    int closeAfterDays,
    int floodSeconds,
    int minSecondsToSubmit,
    int editWindowMinutes,
    boolean pageComments,
    int commentsPerPage,
    boolean newestFirst,
    AvatarSource avatars,
    int ipRetentionDays,
    boolean trustIdentities) {

  public static final String REQUIRE_NAME_EMAIL = "discussion.require-name-email";
  public static final String THREAD_DEPTH = "discussion.thread-depth";
  public static final String MAX_LENGTH = "discussion.max-length";
  public static final String MODERATION = "discussion.moderation";
  public static final String MAX_LINKS = "discussion.max-links";
  public static final String BLOCKLIST = "discussion.blocklist";
  public static final String CLOSE_AFTER_DAYS = "discussion.close-after-days";
  public static final String FLOOD_SECONDS = "discussion.flood-seconds";
  public static final String MIN_SECONDS_TO_SUBMIT = "discussion.min-seconds-to-submit";
  public static final String EDIT_WINDOW_MINUTES = "discussion.edit-window-minutes";
  public static final String PAGE_COMMENTS = "discussion.page-comments";
  public static final String COMMENTS_PER_PAGE = "discussion.comments-per-page";
  public static final String COMMENTS_ORDER = "discussion.comments-order";
  public static final String AVATARS = "discussion.avatars";

  /** Whether commenters logged in with a provider skip first-comment moderation. */
  public static final String TRUST_IDENTITIES = "discussion.trust-identities";

  /** Days a comment keeps its client IP and user agent; 0 keeps them forever. */
  public static final String IP_RETENTION_DAYS = "discussion.ip-retention-days";

  public DiscussionSettings {
    blocklist = List.copyOf(blocklist);
  }

  /**
   * The same settings with name and email optional: a moderator editing a comment (or a staff
   * account without an email replying) is not a guest who must identify.
   */
  public DiscussionSettings withNameAndEmailOptional() {
    return new DiscussionSettings(
        false,
        threadDepth,
        maxLength,
        moderation,
        maxLinks,
        blocklist,
        closeAfterDays,
        floodSeconds,
        minSecondsToSubmit,
        editWindowMinutes,
        pageComments,
        commentsPerPage,
        newestFirst,
        avatars,
        ipRetentionDays,
        trustIdentities);
  }

  public static DiscussionSettings from(Map<String, String> stored) {
    return new DiscussionSettings(
        !"false".equalsIgnoreCase(stored.getOrDefault(REQUIRE_NAME_EMAIL, "true").trim()),
        number(stored.get(THREAD_DEPTH), 5, 1, 10),
        number(stored.get(MAX_LENGTH), 10_000, 1, 100_000),
        moderation(stored.get(MODERATION)),
        number(stored.get(MAX_LINKS), 2, 0, 1_000),
        lines(stored.get(BLOCKLIST)),
        number(stored.get(CLOSE_AFTER_DAYS), 0, 0, 100_000),
        number(stored.get(FLOOD_SECONDS), 15, 0, 86_400),
        number(stored.get(MIN_SECONDS_TO_SUBMIT), 3, 0, 3_600),
        number(stored.get(EDIT_WINDOW_MINUTES), 15, 0, 10_080),
        "true".equalsIgnoreCase(stored.getOrDefault(PAGE_COMMENTS, "false").trim()),
        number(stored.get(COMMENTS_PER_PAGE), 50, 1, 1_000),
        "newest".equalsIgnoreCase(stored.getOrDefault(COMMENTS_ORDER, "oldest").trim()),
        avatars(stored.get(AVATARS)),
        number(stored.get(IP_RETENTION_DAYS), 90, 0, 100_000),
        "true".equalsIgnoreCase(stored.getOrDefault(TRUST_IDENTITIES, "false").trim()));
  }

  private static int number(String value, int fallback, int min, int max) {
    try {
      int n = value == null ? fallback : Integer.parseInt(value.trim());
      return n < min || n > max ? fallback : n;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static ModerationMode moderation(String value) {
    try {
      return value == null
          ? ModerationMode.FIRST
          : ModerationMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ModerationMode.FIRST;
    }
  }

  private static AvatarSource avatars(String value) {
    try {
      return value == null
          ? AvatarSource.IDENTICON
          : AvatarSource.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return AvatarSource.IDENTICON;
    }
  }

  private static List<String> lines(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split("\\R"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .map(line -> line.toLowerCase(Locale.ROOT))
        .toList();
  }
}
