package blog.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PerThreadRandomTest {
  @Test
  void threadsDrawDistinctValuesAndTheWholeRangeOfBytes() throws Exception {
    PerThreadRandom random = new PerThreadRandom();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    int[] byteValues = new int[256];
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    byte[] id = new byte[16];
                    random.nextBytes(id);
                    seen.add(HexFormat.of().formatHex(id));
                    synchronized (byteValues) {
                      for (byte b : id) {
                        byteValues[b & 0xff]++;
                      }
                    }
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(8000, seen.size(), "no value twice, within or across threads");
    for (int value = 0; value < 256; value++) {
      assertTrue(byteValues[value] > 0, "byte " + value + " never drawn");
    }
    int n = random.nextInt(10);
    assertTrue(n >= 0 && n < 10);
  }

  @Test
  void drawsAcrossTheBufferedKilobyteAndLargeDrawsAreRandomThroughout() {
    PerThreadRandom random = new PerThreadRandom();
    // 7-byte draws cross the end of the drawn kilobyte again and again; a byte handed out after
    // being wiped, or twice, would show as runs of zeros or repeated draws.
    Set<String> draws = new HashSet<>();
    int zeros = 0;
    for (int i = 0; i < 1000; i++) {
      byte[] small = new byte[7];
      random.nextBytes(small);
      draws.add(HexFormat.of().formatHex(small));
      for (byte b : small) {
        zeros += b == 0 ? 1 : 0;
      }
    }
    assertEquals(1000, draws.size());
    assertTrue(zeros < 100, zeros + " zero bytes of 7,000 (about 27 expected)");
    byte[] large = new byte[PerThreadRandom.DRAWN * 4];
    random.nextBytes(large);
    int largeZeros = 0;
    for (byte b : large) {
      largeZeros += b == 0 ? 1 : 0;
    }
    assertTrue(largeZeros < 60, largeZeros + " zero bytes of 4,096 (about 16 expected)");
  }
}
