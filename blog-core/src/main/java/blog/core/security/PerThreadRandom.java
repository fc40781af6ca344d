package blog.core.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} whose bytes come from a generator of each thread's own (a DRBG, seeded
 * from the system's entropy on first use). The shared default generator reads the system source
 * under one lock; a page answered from the cache to a first-time visitor needs random bytes twice
 * (its browser id and its form's key), and every request thread would queue on that lock.
 */
public final class PerThreadRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private final transient ThreadLocal<SecureRandom> perThread =
      ThreadLocal.withInitial(PerThreadRandom::fresh);

  private static SecureRandom fresh() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  @Override
  public void nextBytes(byte[] bytes) {
    perThread.get().nextBytes(bytes);
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    return perThread.get().generateSeed(numBytes);
  }

  @Override
  public String getAlgorithm() {
    return "DRBG, one per thread";
  }
}
