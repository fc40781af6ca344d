package blog.web.cache;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A kept page as one gzip member (RFC 1952) without compressing it again for every reader: each
 * text between the page's placeholders is compressed once, on its own ({@link #deflate}), ending on
 * a byte boundary; a reader's tokens go between them as stored (uncompressed) deflate blocks. The
 * pieces make one valid deflate stream because none refers back into another. The checksum of the
 * whole is combined from each text's, kept with it, and the tokens' ({@link Crc32Combine}).
 */
final class GzipParts {
  /** Gzip's header: deflate, no name, no time, unknown system. */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  /** The most a stored deflate block holds. */
  private static final int STORED_MAX = 0xffff;

  private GzipParts() {}

  /**
   * One text of a page compressed, with the CRC-32 and length of the text itself, and what
   * appending the text does to a CRC ({@link Crc32Combine#appending}).
   */
  record Deflated(ByteBuffer bytes, long crc, int length, int appending) {}

  /**
   * {@code text} compressed as raw deflate: the page's {@code last} text ends the stream, any other
   * ends with a sync flush (on a byte boundary, the stream still open).
   */
  static Deflated deflate(ByteBuffer text, boolean last) {
    CRC32 crc = new CRC32();
    crc.update(text.duplicate());
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(text.duplicate());
      ByteArrayOutputStream out = new ByteArrayOutputStream(text.remaining() / 4 + 64);
      byte[] buffer = new byte[16 * 1024];
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      } else {
        int n;
        do {
          n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
          out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
      }
      int length = text.remaining();
      return new Deflated(
          ByteBuffer.wrap(out.toByteArray()).asReadOnlyBuffer(),
          crc.getValue(),
          length,
          Crc32Combine.appending(length));
    } finally {
      deflater.end();
    }
  }

  /**
   * The gzip answer for a page whose plain parts are {@code plain} (texts and tokens in turn, as
   * {@link CachedPage#parts} gives them) and whose texts are {@code deflated}, in the same order.
   */
  static List<ByteBuffer> of(List<ByteBuffer> plain, Deflated[] deflated) {
    long crc = 0;
    long size = 0;
    List<ByteBuffer> out = new ArrayList<>(plain.size() + 2);
    out.add(ByteBuffer.wrap(HEADER).asReadOnlyBuffer());
    for (int i = 0; i < plain.size(); i++) {
      ByteBuffer part = plain.get(i);
      size += part.remaining();
      if (i % 2 == 0) {
        Deflated text = deflated[i / 2];
        crc = Crc32Combine.combineAppending(crc, text.crc(), text.appending());
        out.add(text.bytes().duplicate());
      } else {
        CRC32 token = new CRC32();
        token.update(part.duplicate());
        crc = Crc32Combine.combine(crc, token.getValue(), part.remaining());
        out.add(stored(part));
      }
    }
    ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    trailer.putInt((int) crc).putInt((int) size).flip();
    out.add(trailer);
    return out;
  }

  /** A token as a stored, not final, deflate block (the stream is on a byte boundary here). */
  private static ByteBuffer stored(ByteBuffer token) {
    int length = token.remaining();
    if (length > STORED_MAX) {
      throw new IllegalArgumentException("a token of " + length + " bytes");
    }
    ByteBuffer block = ByteBuffer.allocate(5 + length).order(ByteOrder.LITTLE_ENDIAN);
    block.put((byte) 0).putShort((short) length).putShort((short) ~length);
    block.put(token.duplicate()).flip();
    return block;
  }
}
