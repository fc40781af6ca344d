package blog.core.login;

import blog.core.identity.CommenterIdentity;
import blog.core.identity.IdentityRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Commenters signed in through a third-party provider: signing in stores (or refreshes) their
 * identity and starts a fresh session; the session token then stands for the identity.
 */
public final class Commenters {
  private final IdentityRepository identities;
  private final Sessions sessions;
  private final Clock clock;

  public Commenters(IdentityRepository identities, Sessions sessions, Clock clock) {
    this.identities = identities;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** A signed-in commenter: who they are and the session token for their browser. */
  public record SignedIn(CommenterIdentity identity, String sessionToken) {}

  public SignedIn signIn(
      String provider,
      String subject,
      String displayName,
      String email,
      String avatarUrl,
      String profileUrl) {
    CommenterIdentity identity =
        identities.save(
            provider, subject, displayName, email, avatarUrl, profileUrl, clock.instant());
    return new SignedIn(
        identity, sessions.startForIdentity(identity.id(), SessionPolicy.COMMENTER));
  }

  /** The commenter a session token stands for, while the session lives. */
  public Optional<CommenterIdentity> bySession(String token) {
    return sessions
        .find(token)
        .map(Session::identityId)
        .flatMap(id -> id == null ? Optional.empty() : identities.findById(id));
  }

  /** Every way the commenter of {@code who} logs in, oldest first. */
  public List<CommenterIdentity> linked(CommenterIdentity who) {
    return identities.linkedWith(who.id());
  }

  /**
   * Adds a way to log in to the commenter of {@code who}: the identity a log-in with it (or a
   * mailed link) just proved, with anything already linked to it.
   */
  public CommenterIdentity link(
      CommenterIdentity who,
      String provider,
      String subject,
      String displayName,
      String email,
      String avatarUrl,
      String profileUrl) {
    return identities.saveLinked(
        who.id(), provider, subject, displayName, email, avatarUrl, profileUrl, clock.instant());
  }

  /** How many comments the commenter of {@code who} wrote, with any of their identities. */
  public long commentCount(CommenterIdentity who) {
    return identities.commentCount(who.id());
  }

  /** Takes a way to log in away from the commenter of {@code who}; never their last one. */
  public boolean unlink(CommenterIdentity who, long identityId) {
    return identities.unlink(who.id(), identityId);
  }

  public void signOut(String token) {
    sessions.end(token);
  }
}
