package blog.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of a finished backup: an SQL comment naming the length and SHA-256 of everything
 * before it. A script cut off anywhere (a crash while writing, a partial copy) lacks it or no
 * longer matches it.
 */
final class BackupSeal {
  private static final String PREFIX = "-- blog backup complete: ";
  private static final Pattern SEAL =
      Pattern.compile("-- blog backup complete: (\\d+) bytes, sha256 ([0-9a-f]{64})\\n");
  // The seal line's longest form, for reading it back from the file's end.
  private static final int MAX_SEAL_BYTES = 128;

  private BackupSeal() {}

  /** Appends the seal to {@code script} and flushes the file to the disk. */
  static void seal(Path script) throws IOException {
    long length = Files.size(script);
    String line = PREFIX + length + " bytes, sha256 " + sha256(script, length) + "\n";
    try (FileChannel channel = FileChannel.open(script, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
    }
  }

  /** True when {@code script} ends with a seal that matches what comes before it. */
  static boolean isSealed(Path script) {
    try (RandomAccessFile file = new RandomAccessFile(script.toFile(), "r")) {
      long size = file.length();
      int tail = (int) Math.min(size, MAX_SEAL_BYTES);
      byte[] end = new byte[tail];
      file.seek(size - tail);
      file.readFully(end);
      String text = new String(end, StandardCharsets.US_ASCII);
      int start = text.lastIndexOf(PREFIX);
      if (start < 0) {
        return false;
      }
      Matcher seal = SEAL.matcher(text.substring(start));
      if (!seal.matches()) {
        return false;
      }
      long length = Long.parseLong(seal.group(1));
      return length == size - (tail - start) && seal.group(2).equals(sha256(script, length));
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static String sha256(Path file, long length) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException("the file is shorter than " + length + " bytes");
        }
        digest.update(buffer, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
