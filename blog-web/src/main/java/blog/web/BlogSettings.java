package blog.web;

import blog.core.config.Config;
import blog.core.config.SettingsCatalog;
import blog.core.db.DatabaseSettings;
import blog.core.federation.FederationSettings;
import blog.core.login.LoginSettings;
import blog.core.mail.MailSettings;
import blog.core.privacy.PrivacySettings;
import blog.core.webmention.WebmentionSettings;
import blog.web.auth.DemoProvider;
import blog.web.cache.PageCacheSettings;
import blog.web.ops.OpsSettings;
import blog.web.theme.ThemeFolder;
import java.util.List;

/**
 * Every setting of the blog in one list, gathered from the features that declare them: the help's
 * footer, the check of docs/configuration.md and the start-up warning about unknown names all read
 * it. A new setting is declared next to its feature and added here.
 */
public final class BlogSettings {
  private BlogSettings() {}

  /** Variables the tests read (BLOG_TEST_STRICT_TEMPLATES, BLOG_TEST_PG_URL, ...). */
  public static final List<String> TEST_PREFIXES = List.of("BLOG_TEST_");

  public static final SettingsCatalog CATALOG =
      SettingsCatalog.of(
          TEST_PREFIXES,
          List.of(Config.FILE),
          ServerSettings.DECLARED,
          DatabaseSettings.DECLARED,
          MailSettings.DECLARED,
          FederationSettings.DECLARED,
          WebmentionSettings.DECLARED,
          LoginSettings.DECLARED,
          PrivacySettings.DECLARED,
          List.of(DemoProvider.ENABLED),
          OpsSettings.DECLARED,
          PageCacheSettings.DECLARED,
          List.of(ThemeFolder.DIR));
}
