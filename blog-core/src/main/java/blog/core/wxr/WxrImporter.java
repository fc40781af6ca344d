package blog.core.wxr;

import blog.core.comment.CommentRenderer;
import blog.core.db.Database;
import blog.core.db.Transactions;
import blog.core.site.SettingsRepository;
import blog.core.text.MarkdownRenderer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a WordPress export (WXR 1.0 to 1.2): authors, categories, tags, posts and pages with
 * their status, dates and slugs, and comments with their threads, approval state and authors'
 * details. All of it happens in one transaction: a file that turns out malformed or hostile halfway
 * imports nothing (see {@link #importFrom}). In a well-formed export, an item that cannot be
 * imported (no post id) is left out and named in the report, and the others are imported, as
 * WordPress does. Importing the same export again changes nothing.
 *
 * <p>Posts keep their WordPress HTML as their Markdown source (Markdown passes HTML through; the
 * page shows it sanitised like any post). Comments become the plain text with a little Markdown
 * that commenters write here. Private and password-protected posts become drafts; attachments, menu
 * items and other kinds of item are counted and left out.
 */
public final class WxrImporter {
  /** Rows written per transaction. */
  static final int BATCH_ROWS = 500;

  private static final int ONE_TRANSACTION = Integer.MAX_VALUE;

  private final int batchRows;

  /** How often a running import says it is alive, at the least. */
  static final Duration ALIVE_EVERY = Duration.ofSeconds(10);

  /**
   * How long an unfinished import on a shared database must have been silent to count as abandoned
   * (its process gone) and be taken back.
   */
  public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  private static final String TAKEN_BACK =
      "This import stopped for too long and was taken back; run it again.";

  private final WxrImportRepository repository;
  private final MarkdownRenderer markdown;
  private final CommentRenderer comments;
  private final SettingsRepository settings;
  private final Transactions transactions;
  private final Clock clock;
  private final WxrLimits limits;

  public WxrImporter(
      WxrImportRepository repository,
      MarkdownRenderer markdown,
      CommentRenderer comments,
      SettingsRepository settings,
      Transactions transactions,
      Clock clock,
      WxrLimits limits) {
    this.repository = repository;
    this.markdown = markdown;
    this.comments = comments;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
    this.limits = limits;
    this.batchRows = BATCH_ROWS;
  }

  private WxrImporter(WxrImporter importer, int batchRows) {
    this.repository = importer.repository;
    this.markdown = importer.markdown;
    this.comments = importer.comments;
    this.settings = importer.settings;
    this.transactions = importer.transactions;
    this.clock = importer.clock;
    this.limits = importer.limits;
    this.batchRows = batchRows;
  }

  /**
   * The importer of a database, with the blog's renderers and the default limits: in batches on H2
   * (which has been seen to bring a very large transaction back half committed after a crash), in
   * one transaction on PostgreSQL.
   */
  public static WxrImporter of(Database database, Clock clock) {
    Jdbi jdbi = database.jdbi();
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

  /** The same importer committing every {@code rows} rows (and after every item if 1). */
  WxrImporter inBatchesOf(int rows) {
    return new WxrImporter(this, rows);
  }

  /**
   * The same importer writing the whole import, and its record, in one transaction, for PostgreSQL,
   * which keeps a transaction of any size whole through a crash.
   */
  public WxrImporter inOneTransaction() {
    return new WxrImporter(this, ONE_TRANSACTION);
  }

  public WxrLimits limits() {
    return limits;
  }

  /**
   * Reads the export from {@code in} (which the caller closes) and imports it.
   *
   * <p>All or nothing, without one huge transaction (which H2 has been seen to bring back half
   * committed after a crash): the import is recorded ({@code wxr_imports}) and writes in batches of
   * {@value #BATCH_ROWS} rows, each its own transaction, marking what it makes with its id; the
   * last batch records it finished. An import that fails is taken back at once; one cut off by a
   * crash, by {@link #undoUnfinished} at the next start. {@link #inOneTransaction} (for PostgreSQL)
   * does it all in one transaction instead. It returns only once it is in the database file.
   *
   * @param totalBytes the file's size for progress reports, or -1
   * @throws WxrException if the file is not a well-formed, harmless WordPress export; then nothing
   *     was imported
   */
  public ImportReport importFrom(InputStream in, long totalBytes, ImportProgress progress) {
    Counting counted = new Counting(in);
    if (batchRows == ONE_TRANSACTION) {
      // Its record too: a crash or a failure leaves no trace of it at all.
      return transactions.inStoredTransaction(
          () -> read(repository.beginImport(clock.instant()), counted, totalBytes, progress, null));
    }
    long importId = transactions.inTransaction(() -> repository.beginImport(clock.instant()));
    try {
      return transactions.inBatches(
          batches -> read(importId, counted, totalBytes, progress, new Batch(batches, importId)));
    } catch (RuntimeException | Error e) {
      try {
        // Taken back meanwhile by another instance (it was silent too long): that is the news,
        // not whatever its rows' disappearance then broke here.
        boolean takenBack = repository.undone(importId);
        undo(importId);
        if (takenBack && !(e instanceof WxrException)) {
          throw new WxrException(TAKEN_BACK, e);
        }
      } catch (RuntimeException undo) {
        if (undo instanceof WxrException) {
          throw undo;
        }
        // The database may be gone: the next start (or another instance) takes it back.
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  /** The import proper; {@code batch} ends batches, or is null for one transaction. */
  private ImportReport read(
      long importId, Counting counted, long totalBytes, ImportProgress progress, Batch batch) {
    ImportRun run =
        new ImportRun(
            repository,
            markdown,
            comments,
            clock.instant(),
            settings.site().timeZone(),
            importId,
            batch == null ? () -> {} : batch::written,
            items -> {
              if (batch != null) {
                batch.itemDone();
              }
              progress.update(counted.count, totalBytes, items);
            });
    new WxrReader(limits).read(counted, run);
    ImportReport report = run.finish();
    if (!repository.finishImport(importId, clock.instant())) {
      throw new WxrException(TAKEN_BACK);
    }
    return report;
  }

  /** Whether an import is neither finished nor taken back (also on a database not migrated). */
  public boolean anyUnfinished() {
    return repository.anyUnfinished();
  }

  /**
   * Takes back every import that never finished and has shown no sign of life for {@code quiet}
   * (zero: every unfinished one, for a database no other process uses); the number taken back.
   */
  public int undoUnfinished(Duration quiet) {
    List<Long> unfinished = repository.unfinished(clock.instant().minus(quiet));
    for (long id : unfinished) {
      undo(id);
    }
    return unfinished.size();
  }

  /** Deletes what the import made, a batch per transaction, then marks it undone. */
  private void undo(long importId) {
    while (transactions.inTransaction(() -> repository.deleteComments(importId, batchRows)) > 0) {
      // next batch
    }
    while (transactions.inTransaction(
            () -> repository.deletePosts(importId, Math.max(1, batchRows / 10)))
        > 0) {
      // next batch
    }
    transactions.inStoredTransaction(
        () -> {
          repository.finishUndo(importId, clock.instant());
          return null;
        });
  }

  /**
   * Ends a batch after {@value #BATCH_ROWS} rows, or every few seconds, noting the import alive.
   */
  private final class Batch {
    private final Transactions.Batches batches;
    private final long importId;
    private int rows;
    private long since = System.nanoTime();

    Batch(Transactions.Batches batches, long importId) {
      this.batches = batches;
      this.importId = importId;
    }

    void written() {
      if (++rows >= batchRows) {
        commit();
      }
    }

    void itemDone() {
      if (rows >= batchRows || System.nanoTime() - since > ALIVE_EVERY.toNanos()) {
        commit();
      }
    }

    private void commit() {
      if (!repository.alive(importId, clock.instant())) {
        throw new WxrException(TAKEN_BACK);
      }
      batches.commit();
      rows = 0;
      since = System.nanoTime();
    }
  }

  /** Counts the bytes read, for progress. */
  private static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
