package blog.core.login;

import blog.core.db.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Staff passkeys, the challenges handed out for them, and the one rule that ties them to the
 * password: a staff member whose password is off keeps at least one passkey.
 */
public final class PasskeyRepository {
  private static final RowMapper<Passkey> PASSKEY =
      (rs, ctx) ->
          new Passkey(
              rs.getLong("id"),
              rs.getLong("user_id"),
              rs.getString("name"),
              rs.getString("transports"),
              Times.instant(rs, "created_at"),
              Times.instant(rs, "last_used_at"));
  private static final RowMapper<StoredCredential> CREDENTIAL =
      (rs, ctx) ->
          new StoredCredential(
              rs.getLong("id"),
              rs.getLong("user_id"),
              rs.getString("credential_id"),
              rs.getString("aaguid"),
              rs.getBytes("public_key"),
              rs.getLong("sign_count"),
              rs.getBoolean("uv_initialized"),
              rs.getBoolean("backup_eligible"),
              rs.getBoolean("backed_up"),
              rs.getString("transports"));

  /** What became of a request to remove a passkey. */
  public enum Removal {
    REMOVED,
    NOT_FOUND,
    LAST_WHILE_PASSWORD_OFF
  }

  private final Jdbi jdbi;

  public PasskeyRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  long insert(StoredCredential c, String name, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO staff_passkeys (user_id, credential_id, aaguid, public_key,
                      sign_count, uv_initialized, backup_eligible, backed_up, transports, name,
                      created_at)
                    VALUES (:userId, :credentialId, :aaguid, :publicKey, :signCount,
                      :uvInitialized, :backupEligible, :backedUp, :transports, :name, :now)
                    """)
                .bind("userId", c.userId())
                .bind("credentialId", c.credentialId())
                .bind("aaguid", c.aaguid())
                .bind("publicKey", c.publicKey())
                .bind("signCount", c.signCount())
                .bind("uvInitialized", c.uvInitialized())
                .bind("backupEligible", c.backupEligible())
                .bind("backedUp", c.backedUp())
                .bind("transports", c.transports())
                .bind("name", name)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** A user's passkeys, oldest first. */
  public List<Passkey> of(long userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM staff_passkeys WHERE user_id = :u ORDER BY created_at, id")
                .bind("u", userId)
                .map(PASSKEY)
                .list());
  }

  public int count(long userId) {
    return jdbi.withHandle(h -> count(h, userId));
  }

  private static int count(Handle h, long userId) {
    return h.createQuery("SELECT COUNT(*) FROM staff_passkeys WHERE user_id = :u")
        .bind("u", userId)
        .mapTo(Integer.class)
        .one();
  }

  /** The credential ids a user registered, so the browser does not register one twice. */
  List<String> credentialIds(long userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT credential_id FROM staff_passkeys WHERE user_id = :u")
                .bind("u", userId)
                .mapTo(String.class)
                .list());
  }

  Optional<StoredCredential> credential(String credentialId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM staff_passkeys WHERE credential_id = :c")
                .bind("c", credentialId)
                .map(CREDENTIAL)
                .findOne());
  }

  void used(long id, long signCount, boolean backedUp, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE staff_passkeys SET sign_count = :count, backed_up = :backedUp,
                      last_used_at = :now
                    WHERE id = :id
                    """)
                .bind("id", id)
                .bind("count", signCount)
                .bind("backedUp", backedUp)
                .bind("now", now)
                .execute());
  }

  /** Renames one of the user's passkeys; false when the user has no passkey of that id. */
  public boolean rename(long id, long userId, String name) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE staff_passkeys SET name = :name WHERE id = :id AND user_id = :u")
                    .bind("id", id)
                    .bind("u", userId)
                    .bind("name", name)
                    .execute())
        == 1;
  }

  /**
   * Removes one of the user's passkeys, unless it is their last while their password is off. The
   * user's row is locked first, as {@link #turnPasswordOff} locks it, so the two cannot cross.
   */
  public Removal remove(long id, long userId) {
    return jdbi.inTransaction(
        h -> {
          boolean passwordOff = lockUser(h, userId);
          boolean mine =
              h.createQuery("SELECT COUNT(*) FROM staff_passkeys WHERE id = :id AND user_id = :u")
                      .bind("id", id)
                      .bind("u", userId)
                      .mapTo(Integer.class)
                      .one()
                  == 1;
          if (!mine) {
            return Removal.NOT_FOUND;
          }
          if (passwordOff && count(h, userId) <= 1) {
            return Removal.LAST_WHILE_PASSWORD_OFF;
          }
          h.createUpdate("DELETE FROM staff_passkeys WHERE id = :id AND user_id = :u")
              .bind("id", id)
              .bind("u", userId)
              .execute();
          return Removal.REMOVED;
        });
  }

  /** Turns the user's password off if they have a passkey; false when they have none. */
  public boolean turnPasswordOff(long userId) {
    return jdbi.inTransaction(
        h -> {
          lockUser(h, userId);
          if (count(h, userId) == 0) {
            return false;
          }
          h.createUpdate("UPDATE users SET password_off = TRUE WHERE id = :u")
              .bind("u", userId)
              .execute();
          return true;
        });
  }

  /** Locks the user's row for the transaction; answers whether their password is off. */
  private static boolean lockUser(Handle h, long userId) {
    return h.createQuery("SELECT password_off FROM users WHERE id = :u FOR UPDATE")
        .bind("u", userId)
        .mapTo(Boolean.class)
        .findOne()
        .orElse(false);
  }

  // --- Challenges --------------------------------------------------------------------------------

  void saveChallenge(
      String challengeHash, String browserHash, String purpose, Long userId, Instant expires) {
    jdbi.useHandle(
        h -> {
          h.createUpdate("DELETE FROM passkey_challenges WHERE expires_at < :now")
              .bind("now", expires.minus(Passkeys.CHALLENGE_VALIDITY))
              .execute();
          h.createUpdate(
                  """
                  INSERT INTO passkey_challenges (challenge_hash, browser_hash, purpose, user_id,
                    expires_at)
                  VALUES (:c, :b, :p, :u, :expires)
                  """)
              .bind("c", challengeHash)
              .bind("b", browserHash)
              .bind("p", purpose)
              .bind("u", userId)
              .bind("expires", expires)
              .execute();
        });
  }

  /**
   * Takes a challenge back: true, once, when it was handed to this browser for this purpose (and
   * user) and has not expired.
   */
  boolean takeChallenge(
      String challengeHash, String browserHash, String purpose, Long userId, Instant now) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        DELETE FROM passkey_challenges
                        WHERE challenge_hash = :c AND browser_hash = :b AND purpose = :p
                          AND COALESCE(user_id, 0) = :u
                          AND expires_at > :now
                        """)
                    .bind("c", challengeHash)
                    .bind("b", browserHash)
                    .bind("p", purpose)
                    .bind("u", userId == null ? 0L : userId)
                    .bind("now", now)
                    .execute())
        == 1;
  }
}
