package blog.web.admin.wordpress;

import blog.core.wxr.ImportProgress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The answer to an upload sent by the import screen's script: while the import runs, a line {@code
 * progress BYTES_READ TOTAL_BYTES ITEMS} whenever another percent of the file or another hundred
 * items are read, each sent at once; at the end {@code done STATUS} and the page the plain form
 * would have shown. The import runs in the request that uploaded the file, so the progress needs no
 * state shared between requests or instances.
 */
final class ProgressLines implements ImportProgress {
  static final String CONTENT_TYPE = "text/plain; charset=utf-8";

  private final OutputStream out;
  private long lastPercent = -1;
  private int lastItems = -1;
  private boolean gone;
  private String unsent;

  ProgressLines(OutputStream out) {
    this.out = out;
  }

  @Override
  public void update(long bytesRead, long totalBytes, int items) {
    String line = "progress " + bytesRead + " " + totalBytes + " " + items + "\n";
    long percent = totalBytes > 0 ? bytesRead * 100 / totalBytes : -1;
    if (percent == lastPercent && items - lastItems < 100) {
      unsent = line;
      return;
    }
    lastPercent = percent;
    lastItems = items;
    unsent = null;
    send(line);
  }

  /** The last count if it was held back, then the last line and the page. */
  void finish(int status, String page) {
    send((unsent == null ? "" : unsent) + "done " + status + "\n" + page);
  }

  private void send(String text) {
    if (gone) {
      return;
    }
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // The admin left the page: the import carries on and commits; nobody is left to tell.
      gone = true;
    }
  }
}
