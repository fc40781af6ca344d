package blog.web.privacy;

import blog.core.comment.AvatarSource;
import blog.core.comment.DiscussionSettings;
import blog.core.privacy.PersonalData;
import blog.web.auth.LoginMenu;
import blog.web.auth.ProviderButton;
import blog.web.site.Pages;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /privacy}: what the blog keeps about readers and commenters, for how long, and who else
 * sees it, written from the blog's own settings (IP retention, avatars, log-in providers, mail, the
 * fediverse).
 */
public final class PrivacyPage {
  public static final String PATH = "/privacy";

  private final PersonalData data;
  private final LoginMenu logins;
  private final boolean mailEnabled;
  private final boolean federationEnabled;
  private final int mailLogDays;
  private final Pages pages;

  public PrivacyPage(
      PersonalData data,
      LoginMenu logins,
      boolean mailEnabled,
      boolean federationEnabled,
      int mailLogDays,
      Pages pages) {
    this.mailLogDays = mailLogDays;
    this.data = data;
    this.logins = logins;
    this.mailEnabled = mailEnabled;
    this.federationEnabled = federationEnabled;
    this.pages = pages;
  }

  /** {@code GET /privacy} */
  public void page(Context ctx) {
    DiscussionSettings discussion = data.discussion();
    pages.render(
        ctx,
        "privacy/privacy",
        "Privacy",
        Map.of(
            "ipRetentionDays",
            discussion.ipRetentionDays(),
            "gravatar",
            discussion.avatars() == AvatarSource.GRAVATAR,
            "providers",
            logins.buttons().stream().map(ProviderButton::label).toList(),
            "mailEnabled",
            mailEnabled,
            "federationEnabled",
            federationEnabled,
            "mailLogDays",
            mailLogDays,
            "keepsText",
            data.keepsErasedComments()));
  }
}
