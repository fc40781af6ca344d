package blog.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {
  private static long crc(byte[] bytes, int from, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, from, length);
    return crc.getValue();
  }

  @Test
  void theCombinedCrcIsTheCrcOfTheJoinedBytesForEverySplit() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(round < 100 ? 40 : 70_000)];
      random.nextBytes(bytes);
      int split = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      long whole = crc(bytes, 0, bytes.length);
      long combined =
          Crc32Combine.combine(
              crc(bytes, 0, split), crc(bytes, split, bytes.length - split), bytes.length - split);
      assertEquals(whole, combined, "split at " + split + " of " + bytes.length);
      long shifted =
          Crc32Combine.combineAppending(
              crc(bytes, 0, split),
              crc(bytes, split, bytes.length - split),
              Crc32Combine.appending(bytes.length - split));
      assertEquals(whole, shifted, "split at " + split + " of " + bytes.length + ", shift kept");
    }
    // An empty part on either side changes nothing.
    assertEquals(0xcbf43926L, Crc32Combine.combine(0, 0xcbf43926L, 9)); // CRC-32 of "123456789"
    assertEquals(0xcbf43926L, Crc32Combine.combine(0xcbf43926L, 0, 0));
  }
}
