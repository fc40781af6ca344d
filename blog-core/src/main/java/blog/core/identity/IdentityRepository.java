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
      String email,
      String avatarUrl,
      String profileUrl,
      Instant now) {
    return jdbi.withHandle(
        h -> {
          if (update(h, provider, subject, displayName, email, avatarUrl, profileUrl, now) == 0) {
            try {
              bindDetails(
                      h.createUpdate(
                          """
                          INSERT INTO commenter_identities (provider, subject, display_name,
                            email, avatar_url, profile_url, created_at, updated_at)
                          VALUES (:provider, :subject, :name, :email, :avatar, :profile, :now,
                            :now)
                          """),
                      provider,
                      subject,
                      displayName,
                      email,
                      avatarUrl,
                      profileUrl,
                      now)
                  .execute();
            } catch (UnableToExecuteStatementException e) {
              // Another instance created it at the same moment: take theirs, with our details.
              if (!UniqueViolations.isUniqueViolation(e)) {
                throw e;
              }
              update(h, provider, subject, displayName, email, avatarUrl, profileUrl, now);
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

  private static int update(
      Handle h,
      String provider,
      String subject,
      String displayName,
      String email,
      String avatarUrl,
      String profileUrl,
      Instant now) {
    return bindDetails(
            h.createUpdate(
                """
                UPDATE commenter_identities SET display_name = :name, email = :email,
                  avatar_url = :avatar, profile_url = :profile, updated_at = :now
                WHERE provider = :provider AND subject = :subject
                """),
            provider,
            subject,
            displayName,
            email,
            avatarUrl,
            profileUrl,
            now)
        .execute();
  }

  private static Update bindDetails(
      Update update,
      String provider,
      String subject,
      String displayName,
      String email,
      String avatarUrl,
      String profileUrl,
      Instant now) {
    return update
        .bind("provider", provider)
        .bind("subject", subject)
        .bind("name", displayName)
        .bind("email", email)
        .bind("avatar", avatarUrl)
        .bind("profile", profileUrl)
        .bind("now", now);
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
