package blog.core.privacy;

import blog.core.comment.CommentStatus;
import blog.core.db.Times;
import blog.core.security.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Everything stored about a {@link Person}: found by their identities and addresses, listed for
 * them, and removed or anonymised in one transaction.
 */
public final class PersonalDataRepository {
  /** A comment of theirs, with what only they and the moderators may see. */
  public record OwnComment(
      long id,
      long postId,
      String postTitle,
      String authorName,
      String authorEmail,
      String authorUrl,
      Long identityId,
      String text,
      CommentStatus status,
      Instant createdAt,
      Instant editedAt,
      String clientIp,
      String userAgent) {}

  /** A subscription under one of their addresses. */
  public record OwnSubscription(
      long id, String email, String scope, Long postId, String status, Instant createdAt) {}

  /** A way they log in, as stored. */
  public record OwnIdentity(
      long id,
      String provider,
      String subject,
      String displayName,
      String email,
      String avatarUrl,
      String profileUrl,
      Instant createdAt,
      Instant updatedAt) {}

  /** A log-in session of theirs. */
  public record OwnSession(Instant createdAt, Instant lastSeenAt, Instant expiresAt) {}

  /** A line of the owner's log. */
  public record Request(
      String action, String subjectHash, String requestedBy, int comments, Instant at) {}

  private static final RowMapper<OwnComment> COMMENT =
      (rs, ctx) ->
          new OwnComment(
              rs.getLong("id"),
              rs.getLong("post_id"),
              rs.getString("title"),
              rs.getString("author_name"),
              rs.getString("author_email"),
              rs.getString("author_url"),
              rs.getObject("identity_id", Long.class),
              rs.getString("body_source"),
              CommentStatus.fromDb(rs.getString("status")),
              Times.instant(rs, "created_at"),
              Times.instant(rs, "edited_at"),
              rs.getString("client_ip"),
              rs.getString("user_agent"));

  private final Jdbi jdbi;

  public PersonalDataRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The identities that stand for an address: an email log-in, or a provider's verified one. */
  public Set<Long> identitiesWithEmail(String email) {
    return Set.copyOf(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT id FROM commenter_identities
                        WHERE LOWER(email) = :e OR (provider = 'email' AND subject = :e)
                        """)
                    .bind("e", email)
                    .mapTo(Long.class)
                    .list()));
  }

  /** Their comments, newest first, the binned ones too. */
  public List<OwnComment> comments(Person p) {
    return jdbi.withHandle(h -> comments(h, p));
  }

  private static List<OwnComment> comments(Handle h, Person p) {
    return h.createQuery(
            """
            SELECT c.id, c.post_id, po.title, c.author_name, c.author_email, c.author_url,
              c.identity_id, c.body_source, c.status, c.created_at, c.edited_at, c.client_ip,
              c.user_agent
            FROM comments c JOIN posts po ON po.id = c.post_id
            WHERE c.user_id IS NULL
              AND (c.identity_id IN (<ids>) OR LOWER(c.author_email) IN (<emails>))
            ORDER BY c.created_at DESC, c.id DESC
            """)
        .bindList("ids", ids(p))
        .bindList("emails", emails(p))
        .map(COMMENT)
        .list();
  }

  public List<OwnSubscription> subscriptions(Person p) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, email, scope, post_id, status, created_at FROM subscriptions
                    WHERE LOWER(email) IN (<emails>) ORDER BY created_at, id
                    """)
                .bindList("emails", emails(p))
                .map(
                    (rs, ctx) ->
                        new OwnSubscription(
                            rs.getLong("id"),
                            rs.getString("email"),
                            rs.getString("scope"),
                            rs.getObject("post_id", Long.class),
                            rs.getString("status"),
                            Times.instant(rs, "created_at")))
                .list());
  }

  /** Ends one of their subscriptions; false if it is not theirs. */
  public boolean cancelSubscription(Person p, long id, Instant now) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE subscriptions SET status = 'unsubscribed', updated_at = :now
                        WHERE id = :id AND LOWER(email) IN (<emails>)
                        """)
                    .bind("id", id)
                    .bind("now", now)
                    .bindList("emails", emails(p))
                    .execute())
        == 1;
  }

  public List<OwnIdentity> identities(Person p) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM commenter_identities WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", ids(p))
                .map(
                    (rs, ctx) ->
                        new OwnIdentity(
                            rs.getLong("id"),
                            rs.getString("provider"),
                            rs.getString("subject"),
                            rs.getString("display_name"),
                            rs.getString("email"),
                            rs.getString("avatar_url"),
                            rs.getString("profile_url"),
                            Times.instant(rs, "created_at"),
                            Times.instant(rs, "updated_at")))
                .list());
  }

  public List<OwnSession> sessions(Person p) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT created_at, last_seen_at, expires_at FROM sessions
                    WHERE identity_id IN (<ids>) ORDER BY created_at
                    """)
                .bindList("ids", ids(p))
                .map(
                    (rs, ctx) ->
                        new OwnSession(
                            Times.instant(rs, "created_at"),
                            Times.instant(rs, "last_seen_at"),
                            Times.instant(rs, "expires_at")))
                .list());
  }

  /**
   * Removes everything stored about them, in one transaction: their comments anonymised
   * ("Anonymous", no address, website, identity, IP or user agent; the text kept) or deleted
   * (replies move up to the deleted comment's parent), their subscriptions, identities (and so
   * sessions and pending log-ins), mailed links, queued and sent mails that name them, typed forms
   * kept for a log-in and log-in limits kept for their addresses. Returns how many comments it
   * touched.
   */
  public int erase(Person p, boolean keepText, List<String> names) {
    return jdbi.inTransaction(
        h -> {
          List<OwnComment> comments = comments(h, p);
          for (OwnComment c : comments) {
            if (keepText) {
              h.createUpdate(
                      """
                      UPDATE comments SET author_name = 'Anonymous', author_email = NULL,
                        author_url = NULL, identity_id = NULL, client_ip = NULL,
                        user_agent = NULL
                      WHERE id = :id
                      """)
                  .bind("id", c.id())
                  .execute();
            } else {
              Optional<Long> parent =
                  h.createQuery("SELECT parent_id FROM comments WHERE id = :id")
                      .bind("id", c.id())
                      .map((rs, ctx) -> Optional.ofNullable(rs.getObject("parent_id", Long.class)))
                      .one();
              h.createUpdate("UPDATE comments SET parent_id = :parent WHERE parent_id = :id")
                  .bind("parent", parent.orElse(null))
                  .bind("id", c.id())
                  .execute();
              h.createUpdate("DELETE FROM comments WHERE id = :id").bind("id", c.id()).execute();
            }
          }
          h.createUpdate("DELETE FROM subscriptions WHERE LOWER(email) IN (<emails>)")
              .bindList("emails", emails(p))
              .execute();
          h.createUpdate("DELETE FROM commenter_identities WHERE id IN (<ids>)")
              .bindList("ids", ids(p))
              .execute();
          for (String table : List.of("email_sign_ins", "privacy_links")) {
            h.createUpdate("DELETE FROM " + table + " WHERE LOWER(email) IN (<emails>)")
                .bindList("emails", emails(p))
                .execute();
          }
          h.createUpdate("DELETE FROM mail_queue WHERE LOWER(recipient) IN (<emails>)")
              .bindList("emails", emails(p))
              .execute();
          List<String> mentions = new ArrayList<>(p.emails());
          // A name that short would match too many other people's mails.
          names.stream().filter(n -> n != null && n.strip().length() >= 3).forEach(mentions::add);
          for (String text : mentions) {
            h.createUpdate(
                    """
                    DELETE FROM mail_queue
                    WHERE POSITION(:t IN subject) > 0 OR POSITION(:t IN text_body) > 0
                      OR POSITION(:t IN COALESCE(html_body, '')) > 0
                    """)
                .bind("t", text.strip())
                .execute();
          }
          for (String email : p.emails()) {
            String typed = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
            for (String table : List.of("form_drafts", "sign_in_requests")) {
              h.createUpdate(
                      "DELETE FROM " + table + " WHERE POSITION(:typed IN LOWER(form_data)) > 0")
                  .bind("typed", typed.toLowerCase(java.util.Locale.ROOT))
                  .execute();
            }
            h.createUpdate("DELETE FROM login_throttle WHERE throttle_key = :k")
                .bind("k", "email-address:" + Tokens.hash(email))
                .execute();
          }
          // Limits on asking for mailed links are kept per client address: theirs go too.
          comments.stream()
              .map(OwnComment::clientIp)
              .filter(ip -> ip != null && !ip.isBlank())
              .distinct()
              .forEach(
                  ip ->
                      h.createUpdate("DELETE FROM login_throttle WHERE throttle_key IN (:a, :b)")
                          .bind("a", "email-client:" + ip)
                          .bind("b", "privacy-client:" + ip)
                          .execute());
          return comments.size();
        });
  }

  /** Logs an export or erasure for the owner. */
  public void log(String action, Person p, String requestedBy, int comments, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO privacy_requests (action, subject_hash, requested_by, comments,
                      created_at)
                    VALUES (:action, :subject, :by, :comments, :now)
                    """)
                .bind("action", action)
                .bind("subject", Tokens.hash(p.key()))
                .bind("by", requestedBy)
                .bind("comments", comments)
                .bind("now", now)
                .execute());
  }

  /** The owner's log, newest first. */
  public List<Request> requests(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM privacy_requests ORDER BY created_at DESC, id DESC
                    LIMIT :limit
                    """)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Request(
                            rs.getString("action"),
                            rs.getString("subject_hash"),
                            rs.getString("requested_by"),
                            rs.getInt("comments"),
                            Times.instant(rs, "created_at")))
                .list());
  }

  // IN () is no SQL: an impossible value stands for none.
  private static List<Long> ids(Person p) {
    return p.identityIds().isEmpty() ? List.of(-1L) : List.copyOf(p.identityIds());
  }

  private static List<String> emails(Person p) {
    return p.emails().isEmpty() ? List.of(" no address ") : List.copyOf(p.emails());
  }
}
