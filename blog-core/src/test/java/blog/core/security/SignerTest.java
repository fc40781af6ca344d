package blog.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignerTest {
  private static final byte[] SECRET =
      "a secret of at least thirty-two bytes, for tests".getBytes(StandardCharsets.UTF_8);

  private final Signer signer = new Signer(SECRET);

  @Test
  void aTokenVerifiesForItsPurposeOnly() {
    String token = signer.sign("csrf", "browser-1");
    assertEquals(Optional.of("browser-1"), signer.verify("csrf", token));
    assertEquals(Optional.empty(), signer.verify("form", token), "another purpose");
    assertEquals(
        Optional.empty(),
        new Signer(
                ("another " + new String(SECRET, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8))
            .verify("csrf", token),
        "another secret");
    assertEquals(Optional.empty(), signer.verify("csrf", token.replace("browser-1", "browser-2")));
    assertEquals(Optional.empty(), signer.verify("csrf", token.substring(0, token.length() - 2)));
    assertEquals(Optional.empty(), signer.verify("csrf", "no signature"));
    assertEquals(Optional.empty(), signer.verify("csrf", null));
    assertNotEquals(
        signer.sign("csrf", "a"), signer.sign("csrfa", ""), "purpose and payload apart");
    assertThrows(IllegalArgumentException.class, () -> signer.sign("csrf", "a~b"));
  }

  @Test
  void threadsSigningAtOnceAgreeWithOneThread() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      expected.add(signer.sign("p" + (i % 3), "payload-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<String> mine = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    String token = signer.sign("p" + (i % 3), "payload-" + i);
                    assertTrue(signer.verify("p" + (i % 3), token).isPresent());
                    mine.add(token);
                  }
                  return mine;
                }));
      }
      for (Future<List<String>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
