package blog.web.theme;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page as it is written, straight into UTF-8 bytes: no lock, room for a page from the start, and
 * {@link KeptHtml} copied as the bytes it keeps. (Written as text and encoded at the end, a page
 * with a long discussion spent most of its time widening and encoding characters.)
 */
final class PageBytes extends Writer implements SpecializedWriter {
  private byte[] bytes = new byte[16_384];
  private int length;

  @Override
  public void write(Object printed) {
    if (printed instanceof KeptHtml kept) {
      append(kept.utf8());
    } else {
      SpecializedWriter.super.write(printed);
    }
  }

  /** Up to how many characters a piece is copied one by one while it is ASCII (most of a page). */
  private static final int SHORT = 128;

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public void write(String s, int offset, int count) {
    if (count <= SHORT) {
      room(count);
      for (int i = offset; i < offset + count; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          append(s.substring(i, offset + count).getBytes(StandardCharsets.UTF_8));
          return;
        }
        bytes[length++] = (byte) c;
      }
      return;
    }
    String piece = offset == 0 && count == s.length() ? s : s.substring(offset, offset + count);
    append(piece.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(char[] chars, int offset, int count) {
    room(count);
    for (int i = offset; i < offset + count; i++) {
      char c = chars[i];
      if (c >= 0x80) {
        append(new String(chars, i, offset + count - i).getBytes(StandardCharsets.UTF_8));
        return;
      }
      bytes[length++] = (byte) c;
    }
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c));
  }

  @Override
  public void writeSpecialized(int i) {
    write(Integer.toString(i));
  }

  @Override
  public void writeSpecialized(long l) {
    write(Long.toString(l));
  }

  @Override
  public void writeSpecialized(double d) {
    write(Double.toString(d));
  }

  @Override
  public void writeSpecialized(float f) {
    write(Float.toString(f));
  }

  @Override
  public void writeSpecialized(short s) {
    write(Short.toString(s));
  }

  @Override
  public void writeSpecialized(byte b) {
    write(Byte.toString(b));
  }

  @Override
  public void writeSpecialized(char c) {
    write(String.valueOf(c));
  }

  @Override
  public void writeSpecialized(String s) {
    write(s);
  }

  private void append(byte[] more) {
    room(more.length);
    System.arraycopy(more, 0, bytes, length, more.length);
    length += more.length;
  }

  /** Makes room for {@code more} bytes. */
  private void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** The page's bytes as written. */
  byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }
}
