package blog.core.federation;

import blog.core.db.Times;
import blog.core.db.UniqueViolations;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The site's RSA key pair in the database: made once (the first instance to store it wins, the
 * others read it), read by every instance, replaced by a rotation ({@link KeyRotation}), never
 * written anywhere else.
 */
public final class KeyRepository {
  static final String CURRENT = "site";
  private static final int BITS = 2048;

  private final Jdbi jdbi;

  public KeyRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The current key, made and stored first if there is none yet. */
  public SiteKey current(SecureRandom random, Instant now) {
    return find().orElseGet(() -> create(random, now));
  }

  private Optional<SiteKey> find() {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT public_pem, private_pem FROM federation_keys WHERE name = :name")
                    .bind("name", CURRENT)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .findOne())
        .map(KeyRepository::read);
  }

  /** When the current key was made (or last replaced); empty before the first. */
  public Optional<Instant> createdAt() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT created_at FROM federation_keys WHERE name = :name")
                .bind("name", CURRENT)
                .map((rs, ctx) -> Times.instant(rs, "created_at"))
                .findOne());
  }

  /** A new RSA key pair, to be stored by {@link #replace}. */
  static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(BITS, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  /**
   * Puts {@code pair} in the place of the current key (joining the caller's transaction); the old
   * private key is gone with its row's old values.
   */
  void replace(KeyPair pair, Instant now) {
    int changed =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE federation_keys
                        SET public_pem = :public, private_pem = :private, created_at = :now
                        WHERE name = :name
                        """)
                    .bind("name", CURRENT)
                    .bind("public", Pem.publicKey(pair.getPublic()))
                    .bind("private", Pem.privateKey(pair.getPrivate()))
                    .bind("now", now)
                    .execute());
    if (changed == 0) {
      insert(pair, now);
    }
  }

  private SiteKey create(SecureRandom random, Instant now) {
    KeyPair pair = generate(random);
    try {
      insert(pair, now);
    } catch (RuntimeException e) {
      if (!UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      // Another instance stored its key a moment before: everyone uses that one.
    }
    return find().orElseThrow();
  }

  private void insert(KeyPair pair, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO federation_keys (name, public_pem, private_pem, created_at)
                    VALUES (:name, :public, :private, :now)
                    """)
                .bind("name", CURRENT)
                .bind("public", Pem.publicKey(pair.getPublic()))
                .bind("private", Pem.privateKey(pair.getPrivate()))
                .bind("now", now)
                .execute());
  }

  private static SiteKey read(String[] pems) {
    try {
      return new SiteKey(pems[0], Pem.readPrivate(pems[1]));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored federation key cannot be read", e);
    }
  }
}
