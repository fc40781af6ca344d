package blog.web.cache;

/**
 * The CRC-32 (gzip's, as {@link java.util.zip.CRC32} computes it) of two byte sequences one after
 * the other, from the CRC of each and the second's length, without reading either again: the
 * polynomial arithmetic of zlib's {@code crc32_combine}, which the JDK does not offer. It lets a
 * kept page's gzip answer carry its checksum though only the visitor's tokens are new.
 */
final class Crc32Combine {
  /** The CRC-32 polynomial, bit-reflected (as the CRC's bits are). */
  private static final int POLYNOMIAL = 0xedb88320;

  /** {@code POWERS[k]} is x^(2^k) modulo the polynomial, reflected. */
  private static final int[] POWERS = new int[32];

  static {
    int power = 1 << 30; // x^1
    POWERS[0] = power;
    for (int k = 1; k < 32; k++) {
      power = multiply(power, power);
      POWERS[k] = power;
    }
  }

  private Crc32Combine() {}

  /** The CRC of the first sequence followed by the second (of {@code secondLength} bytes). */
  static long combine(long firstCrc, long secondCrc, long secondLength) {
    return combineAppending(firstCrc, secondCrc, appending(secondLength));
  }

  /**
   * {@link #combine(long, long, long)} with the second's length given as {@link #appending} of it:
   * a part served again and again has it worked out once (one multiplication per answer instead of
   * one per bit of its length).
   */
  static long combineAppending(long firstCrc, long secondCrc, int appending) {
    // Appending n bytes multiplies the first CRC by x^(8n); the second's CRC then adds on.
    return (multiply(appending, (int) firstCrc) ^ (int) secondCrc) & 0xffffffffL;
  }

  /** What appending {@code length} bytes does to a CRC before the new bytes' own: x^(8 length). */
  static int appending(long length) {
    return powerOfX(length, 3);
  }

  /** a * b modulo the polynomial, both reflected (the highest bit is x^0). */
  private static int multiply(int a, int b) {
    int product = 0;
    for (int bit = 1 << 31; bit != 0; bit >>>= 1) {
      if ((a & bit) != 0) {
        product ^= b;
      }
      b = (b & 1) != 0 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
    }
    return product;
  }

  /** x^(n * 2^k) modulo the polynomial. */
  private static int powerOfX(long n, int k) {
    int power = 1 << 31; // x^0
    for (; n != 0; n >>>= 1, k++) {
      if ((n & 1) != 0) {
        power = multiply(POWERS[k & 31], power);
      }
    }
    return power;
  }
}
