package blog.web;

import blog.core.db.Database;
import blog.core.db.Transactions;
import blog.core.site.SettingsRepository;
import blog.core.wxr.WxrExportRepository;
import blog.core.wxr.WxrExporter;
import blog.core.wxr.WxrImporter;
import java.time.Clock;

/** The WordPress import and export over a database, as the server and the command line use them. */
final class DataTools {
  private DataTools() {}

  /**
   * In batches on H2 (which has been seen to bring a very large transaction back half committed
   * after a crash), in one transaction on PostgreSQL.
   */
  static WxrImporter importer(Database database, Clock clock) {
    WxrImporter importer =
        WxrImporter.over(
            database.jdbi(), new Transactions(database.jdbi(), database.stored()), clock);
    return database.isPostgres() ? importer.inOneTransaction() : importer;
  }

  static WxrExporter exporter(Database database, Clock clock) {
    var jdbi = database.jdbi();
    return new WxrExporter(new WxrExportRepository(jdbi), new SettingsRepository(jdbi), clock);
  }
}
