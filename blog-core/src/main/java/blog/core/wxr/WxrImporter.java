package blog.core.wxr;

import blog.core.comment.CommentRenderer;
import blog.core.db.Transactions;
import blog.core.site.SettingsRepository;
import blog.core.text.MarkdownRenderer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Imports a WordPress export (WXR 1.0 to 1.2): authors, categories, tags, posts and pages with
 * their status, dates and slugs, and comments with their threads, approval state and authors'
 * details. All of it happens in one transaction: a file that turns out malformed or hostile halfway
 * imports nothing. In a well-formed export, an item that cannot be imported (no post id) is left
 * out and named in the report, and the others are imported, as WordPress does. Importing the same
 * export again changes nothing.
 *
 * <p>Posts keep their WordPress HTML as their Markdown source (Markdown passes HTML through; the
 * page shows it sanitised like any post). Comments become the plain text with a little Markdown
 * that commenters write here. Private and password-protected posts become drafts; attachments, menu
 * items and other kinds of item are counted and left out.
 */
public final class WxrImporter {
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
  }

  public WxrLimits limits() {
    return limits;
  }

  /**
   * Reads the export from {@code in} (which the caller closes) and imports it.
   *
   * @param totalBytes the file's size for progress reports, or -1
   * @throws WxrException if the file is not a well-formed, harmless WordPress export; then nothing
   *     was imported
   */
  public ImportReport importFrom(InputStream in, long totalBytes, ImportProgress progress) {
    Counting counted = new Counting(in);
    // All or nothing: one transaction, reported done only once it is in the database file.
    return transactions.inStoredTransaction(
        () -> {
          ImportRun run =
              new ImportRun(
                  repository,
                  markdown,
                  comments,
                  clock.instant(),
                  settings.site().timeZone(),
                  items -> progress.update(counted.count, totalBytes, items));
          new WxrReader(limits).read(counted, run);
          return run.finish();
        });
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
