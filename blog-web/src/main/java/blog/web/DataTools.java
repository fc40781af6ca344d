package blog.web;

import blog.core.db.Database;
import blog.core.site.SettingsRepository;
import blog.core.wxr.WxrExportRepository;
import blog.core.wxr.WxrExporter;
import blog.core.wxr.WxrImporter;
import java.time.Clock;

/** The WordPress import and export over a database, as the server and the command line use them. */
public final class DataTools {
  private DataTools() {}

  public static WxrImporter importer(Database database, Clock clock) {
    return WxrImporter.of(database, clock);
  }

  public static WxrExporter exporter(Database database, Clock clock) {
    var jdbi = database.jdbi();
    return new WxrExporter(new WxrExportRepository(jdbi), new SettingsRepository(jdbi), clock);
  }
}
