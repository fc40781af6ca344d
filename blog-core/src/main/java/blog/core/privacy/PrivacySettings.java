package blog.core.privacy;

import blog.core.config.Config;
import blog.core.config.Declaration;
import blog.core.config.Setting;
import java.time.Duration;
import java.util.List;

/** The owner's choice of what an erasure does to comments. */
public final class PrivacySettings {
  public static final Setting<Boolean> KEEP_ERASED_COMMENTS =
      Setting.trueOrFalse(
          "privacy.keep-erased-comments",
          true,
          "when a commenter is erased, keep their comments' text as \"Anonymous\" (false: the"
              + " comments disappear)");

  public static final List<Declaration> DECLARED = List.of(KEEP_ERASED_COMMENTS);

  /** How long a mailed "My comments" link works. */
  public static final Duration LINK_VALID = Duration.ofHours(1);

  private PrivacySettings() {}

  public static boolean keepErasedComments(Config config) {
    return KEEP_ERASED_COMMENTS.read(config);
  }
}
