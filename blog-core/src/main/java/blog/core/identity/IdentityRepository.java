package blog.core.identity;

import blog.core.db.UniqueViolations;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/** Commenter identities, one per provider and subject, refreshed at every log-in. */
public final class IdentityRepository {
  private static final RowMapper<CommenterIdentity> MAPPER =
      (rs, ctx) ->
          new CommenterIdentity(
              rs.getLong("id"),
              rs.getString("provider"),
              rs.getString("subject"),
              rs.getString("display_name"),
              rs.getString("email"),
              rs.getString("avatar_url"),
              rs.getString("profile_url"));

  private final Jdbi jdbi;

  public IdentityRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Creates the identity or updates its name, email, avatar and profile; returns it. */
  public CommenterIdentity save(
      String provider,
      String subject,
      String displayName,
      @Nullable String email,
      @Nullable String avatarUrl,
      @Nullable String profileUrl,
      Instant now) {
    Details details =
        new Details(provider, subject, displayName, email, avatarUrl, profileUrl, now);
    return jdbi.withHandle(
        h -> {
          if (update(h, details) == 0) {
            try {
              bind(
                      h.createUpdate(
                          """
                          INSERT INTO commenter_identities (provider, subject, display_name,
                            email, avatar_url, profile_url, created_at, updated_at)
                          VALUES (:provider, :subject, :name, :email, :avatar, :profile, :now,
                            :now)
                          """),
                      details)
                  .execute();
            } catch (UnableToExecuteStatementException e) {
              // Another instance created it at the same moment: take theirs, with our details.
              if (!UniqueViolations.isUniqueViolation(e)) {
                throw e;
              }
              update(h, details);
            }
          }
          return h.createQuery(
                  "SELECT * FROM commenter_identities WHERE provider = :p AND subject = :s")
              .bind("p", provider)
              .bind("s", subject)
              .map(MAPPER)
              .one();
        });
  }

  private static int update(Handle h, Details details) {
    return bind(
            h.createUpdate(
                """
                UPDATE commenter_identities SET display_name = :name, email = :email,
                  avatar_url = :avatar, profile_url = :profile, updated_at = :now
                WHERE provider = :provider AND subject = :subject
                """),
            details)
        .execute();
  }

  /** What a provider said of an identity at log-in, as {@link #save} stores it. */
  private record Details(
      String provider,
      String subject,
      String displayName,
      @Nullable String email,
      @Nullable String avatarUrl,
      @Nullable String profileUrl,
      Instant now) {}

  private static Update bind(Update update, Details details) {
    return update
        .bind("provider", details.provider())
        .bind("subject", details.subject())
        .bind("name", details.displayName())
        .bind("email", details.email())
        .bind("avatar", details.avatarUrl())
        .bind("profile", details.profileUrl())
        .bind("now", details.now());
  }

  /**
   * Every identity of the commenter {@code id} belongs to (it among them), oldest first. Identities
   * of one commenter share {@code commenter_id}; NULL stands for the identity's own id.
   */
  public List<CommenterIdentity> linkedWith(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM commenter_identities
                    WHERE COALESCE(commenter_id, id) =
                      (SELECT COALESCE(commenter_id, id) FROM commenter_identities WHERE id = :id)
                    ORDER BY id
                    """)
                .bind("id", id)
                .map(MAPPER)
                .list());
  }

  /**
   * Stores (or refreshes) an identity and links it, with every identity already linked to it, to
   * the commenter of identity {@code to}: one transaction. An identity of another commenter brings
   * that commenter's other identities along, as logging in with it proves they are the same person.
   */
  public CommenterIdentity saveLinked(
      long to,
      String provider,
      String subject,
      String displayName,
      String email,
      String avatarUrl,
      String profileUrl,
      Instant now) {
    return jdbi.inTransaction(
        h -> {
          CommenterIdentity added =
              save(provider, subject, displayName, email, avatarUrl, profileUrl, now);
          long commenter = commenterOf(h, to);
          long theirs = commenterOf(h, added.id());
          if (commenter != theirs) {
            h.createUpdate(
                    """
                    UPDATE commenter_identities
                    SET commenter_id = CASE WHEN id = :commenter THEN NULL ELSE :commenter END
                    WHERE COALESCE(commenter_id, id) = :theirs
                    """)
                .bind("commenter", commenter)
                .bind("theirs", theirs)
                .execute();
          }
          return added;
        });
  }

  /**
   * Takes identity {@code id} away from the commenter of identity {@code of}: it stands alone
   * again, with the comments written with it. False (nothing changed) if it is not theirs or is
   * their last.
   */
  public boolean unlink(long of, long id) {
    return jdbi.inTransaction(
        h -> {
          long commenter = commenterOf(h, of);
          List<Long> members =
              h.createQuery(
                      """
                      SELECT id FROM commenter_identities WHERE COALESCE(commenter_id, id) = :c
                      ORDER BY id FOR UPDATE
                      """)
                  .bind("c", commenter)
                  .mapTo(Long.class)
                  .list();
          if (members.size() < 2 || !members.contains(id)) {
            return false;
          }
          if (id == commenter) {
            // The commenter was known by this identity's id: the others take the next one's.
            long next = members.stream().filter(m -> m != id).findFirst().orElseThrow();
            h.createUpdate(
                    """
                    UPDATE commenter_identities
                    SET commenter_id = CASE WHEN id = :next THEN NULL ELSE :next END
                    WHERE COALESCE(commenter_id, id) = :c AND id <> :id
                    """)
                .bind("next", next)
                .bind("c", commenter)
                .bind("id", id)
                .execute();
          }
          h.createUpdate("UPDATE commenter_identities SET commenter_id = NULL WHERE id = :id")
              .bind("id", id)
              .execute();
          return true;
        });
  }

  /** How many comments were written with the identities linked with {@code id}. */
  public long commentCount(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT COUNT(*) FROM comments WHERE identity_id IN (
                      SELECT id FROM commenter_identities WHERE COALESCE(commenter_id, id) =
                        (SELECT COALESCE(commenter_id, id) FROM commenter_identities
                         WHERE id = :id))
                    """)
                .bind("id", id)
                .mapTo(Long.class)
                .one());
  }

  private static long commenterOf(Handle h, long id) {
    return h.createQuery(
            "SELECT COALESCE(commenter_id, id) FROM commenter_identities WHERE id = :id")
        .bind("id", id)
        .mapTo(Long.class)
        .one();
  }

  public Optional<CommenterIdentity> findById(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM commenter_identities WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  /** The identities with these ids, by id (for showing comments). */
  public Map<Long, CommenterIdentity> findAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<CommenterIdentity> found =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT * FROM commenter_identities WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids))
                    .map(MAPPER)
                    .list());
    return found.stream().collect(Collectors.toMap(CommenterIdentity::id, Function.identity()));
  }
}
