package blog.core.identity;

import blog.core.db.Times;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jspecify.annotations.Nullable;

/** Staff accounts. */
public final class UserRepository {
  private static final RowMapper<User> MAPPER =
      (rs, ctx) ->
          new User(
              rs.getLong("id"),
              rs.getString("username"),
              rs.getString("display_name"),
              rs.getString("email"),
              Role.fromDb(rs.getString("role")),
              Times.required(rs, "created_at"));

  private final Jdbi jdbi;

  public UserRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long insert(
      String username, String displayName, @Nullable String email, Role role, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO users (username, display_name, email, role, created_at)
                    VALUES (:username, :displayName, :email, :role, :now)
                    """)
                .bind("username", username)
                .bind("displayName", displayName)
                .bind("email", email)
                .bind("role", role.dbValue())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<User> findById(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  public Optional<User> findByUsername(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM users WHERE username = :username")
                .bind("username", username)
                .map(MAPPER)
                .findOne());
  }

  /** Bylines by user id: display names, and the slugs of the authors' archives. */
  public Map<Long, Byline> bylines(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h
                .createQuery("SELECT id, username, display_name FROM users WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getLong("id"),
                            new Byline(
                                rs.getString("display_name"),
                                Byline.slugOf(rs.getString("username")))))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  /**
   * The user whose author archive is at {@code slug}: by username, or by its {@link Byline#slugOf
   * slug} ({@code jane.doe} is at {@code jane-doe}); a username spelled exactly so comes first.
   */
  public Optional<User> findByArchiveSlug(String slug) {
    String wanted = slug.toLowerCase(Locale.ROOT);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM users
                    WHERE LOWER(username) = :slug OR REPLACE(LOWER(username), '.', '-') = :slug
                    ORDER BY CASE WHEN LOWER(username) = :slug THEN 0 ELSE 1 END, id
                    LIMIT 1
                    """)
                .bind("slug", wanted)
                .map(MAPPER)
                .findOne());
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
  }

  /** Whether the author still wants mail about comments on their posts. */
  public boolean wantsCommentNotices(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT comment_notices FROM users WHERE id = :id")
                .bind("id", id)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
  }

  public void setCommentNotices(long id, boolean wanted) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE users SET comment_notices = :wanted WHERE id = :id")
                .bind("wanted", wanted)
                .bind("id", id)
                .execute());
  }

  /** A user with the stored password hash, for checking a log-in (never for display). */
  public record Credentials(User user, String passwordHash) {}

  /** By lower-cased username; only accounts that have a password, turned on. */
  public Optional<Credentials> credentials(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM users WHERE LOWER(username) = :u AND password_hash IS NOT NULL
                      AND password_off = FALSE
                    """)
                .bind("u", username)
                .map(
                    (rs, ctx) ->
                        new Credentials(MAPPER.map(rs, ctx), rs.getString("password_hash")))
                .findOne());
  }

  /** The stored hash of the user's password while it is turned on, to check it again. */
  public Optional<String> passwordHash(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT password_hash FROM users WHERE id = :id AND password_off = FALSE")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .flatMap(Optional::ofNullable));
  }

  /** Sets the user's password, and so turns it on if it was off. */
  public void setPassword(long id, String passwordHash) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE users SET password_hash = :hash, password_off = FALSE WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("id", id)
                .execute());
  }

  /** Whether the user turned their password off (to log in with a passkey only). */
  public boolean passwordOff(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT password_off FROM users WHERE id = :id")
                .bind("id", id)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
  }

  /** Every staff account, by display name: the authors an admin may give a post to. */
  public List<User> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM users ORDER BY display_name, username")
                .map(MAPPER)
                .list());
  }

  public int countWithRole(Role role) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM users WHERE role = :role AND password_hash IS NOT NULL")
                .bind("role", role.dbValue())
                .mapTo(Integer.class)
                .one());
  }
}
