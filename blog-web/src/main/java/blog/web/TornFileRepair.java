package blog.web;

import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.db.H2Rebuild;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured database for the blog or {@code import-wxr}; an embedded H2 file that a
 * crash left in the middle of an import (an upload on the import screen) is first written anew from
 * its rows ({@link H2Rebuild}), because H2 can reopen such a file torn, and taking the import back
 * on a torn file can spin for ever. The import is then taken back as usual.
 */
final class TornFileRepair {
  private static final Logger LOG = LoggerFactory.getLogger(TornFileRepair.class);

  private TornFileRepair() {}

  static Database open(DatabaseSettings settings) {
    Database database = Database.open(settings);
    try {
      // Only this process writes an embedded file: an import unfinished now was cut off.
      if (!database.isEmbeddedFile()
          || !DataTools.importer(database, Clock.systemUTC()).anyUnfinished()) {
        return database;
      }
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    database.close();
    LOG.warn(
        "A WordPress import was cut off by a crash: writing the database file anew from its rows"
            + " before taking the import back (some seconds per 10 MB)");
    Path aside = H2Rebuild.rebuild(settings);
    LOG.warn("The database file as it was before is kept as {}; delete it when all is well", aside);
    return Database.open(settings);
  }
}
