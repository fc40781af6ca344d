package blog.core.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A {@link SecureRandom} whose bytes come from a generator of each thread's own (a DRBG, seeded
 * from the system's entropy on first use). The shared default generator reads the system source
 * under one lock; a page answered from the cache to a first-time visitor needs random bytes twice
 * (its browser id and its form's key), and every request thread would queue on that lock.
 *
 * <p>Each thread draws its generator's bytes a kilobyte at a time and hands them out in order, each
 * byte once (and wiped from the buffer as it goes): a DRBG call costs about the same for 16 bytes
 * as for a kilobyte, so the small draws of every request share one call.
 */
public final class PerThreadRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  /** Bytes drawn from the generator at once. */
  static final int DRAWN = 1024;

  private final transient ThreadLocal<Pool> perThread = ThreadLocal.withInitial(Pool::new);

  /** One thread's generator and the bytes drawn from it not yet handed out. */
  private static final class Pool {
    final SecureRandom source = fresh();
    final byte[] drawn = new byte[DRAWN];
    int used = DRAWN;

    void take(byte[] out) {
      if (out.length > DRAWN / 4) {
        source.nextBytes(out);
        return;
      }
      for (int from = 0; from < out.length; ) {
        if (used == DRAWN) {
          source.nextBytes(drawn);
          used = 0;
        }
        int n = Math.min(out.length - from, DRAWN - used);
        System.arraycopy(drawn, used, out, from, n);
        Arrays.fill(drawn, used, used + n, (byte) 0);
        used += n;
        from += n;
      }
    }
  }

  private static SecureRandom fresh() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  @Override
  public void nextBytes(byte[] bytes) {
    perThread.get().take(bytes);
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    return perThread.get().source.generateSeed(numBytes);
  }

  @Override
  public String getAlgorithm() {
    return "DRBG, one per thread";
  }
}
