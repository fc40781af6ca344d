package blog.web;

import blog.core.comment.CommentRenderer;
import blog.core.db.Database;
import blog.core.db.Transactions;
import blog.core.site.SettingsRepository;
import blog.core.text.MarkdownRenderer;
import blog.core.wxr.WxrExportRepository;
import blog.core.wxr.WxrExporter;
import blog.core.wxr.WxrImportRepository;
import blog.core.wxr.WxrImporter;
import blog.core.wxr.WxrLimits;
import java.time.Clock;

/** The WordPress import and export over a database, as the server and the command line use them. */
final class DataTools {
  private DataTools() {}

  /**
   * In batches on H2 (which has been seen to bring a very large transaction back half committed
   * after a crash), in one transaction on PostgreSQL.
   */
  static WxrImporter importer(Database database, Clock clock) {
    var jdbi = database.jdbi();
    WxrImporter importer =
        new WxrImporter(
            new WxrImportRepository(jdbi),
            new MarkdownRenderer(),
            new CommentRenderer(),
            new SettingsRepository(jdbi),
            new Transactions(jdbi, database.stored()),
            clock,
            WxrLimits.DEFAULTS);
    return database.isPostgres() ? importer.inOneTransaction() : importer;
  }

  static WxrExporter exporter(Database database, Clock clock) {
    var jdbi = database.jdbi();
    return new WxrExporter(new WxrExportRepository(jdbi), new SettingsRepository(jdbi), clock);
  }
}
