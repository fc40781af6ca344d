package blog.web.auth;

import blog.core.identity.CommenterIdentity;
import blog.core.login.Commenters;
import blog.web.security.Cookies;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The commenter signed in on this browser, through the session cookie. Signing in always starts a
 * new session (and ends the one the browser had), so a session id planted before log-in is
 * worthless after it.
 */
public final class CommenterSession {
  static final String COOKIE = "blog_session";
  private static final String CACHED = "blog.commenter";
  private static final int MAX_AGE_SECONDS = 60 * 24 * 3600;

  private final Commenters commenters;
  private final Cookies cookies;

  public CommenterSession(Commenters commenters, Cookies cookies) {
    this.commenters = commenters;
    this.cookies = cookies;
  }

  public Optional<CommenterIdentity> identity(Context ctx) {
    Optional<CommenterIdentity> cached = ctx.attribute(CACHED);
    if (cached != null) {
      return cached;
    }
    Optional<CommenterIdentity> found = cookies.get(ctx, COOKIE).flatMap(commenters::bySession);
    ctx.attribute(CACHED, found);
    return found;
  }

  /** Signs the browser in as this provider account (a fresh session, the old one ended). */
  public CommenterIdentity signIn(
      Context ctx,
      String provider,
      String subject,
      String displayName,
      String email,
      String avatarUrl,
      String profileUrl) {
    cookies.get(ctx, COOKIE).ifPresent(commenters::signOut);
    Commenters.SignedIn signedIn =
        commenters.signIn(provider, subject, displayName, email, avatarUrl, profileUrl);
    cookies.set(ctx, COOKIE, signedIn.sessionToken(), MAX_AGE_SECONDS);
    ctx.attribute(CACHED, Optional.of(signedIn.identity()));
    return signedIn.identity();
  }

  /** Links another identity to the commenter logged in here; the session stays as it is. */
  public CommenterIdentity link(
      CommenterIdentity who,
      String provider,
      String subject,
      String displayName,
      String email,
      String avatarUrl,
      String profileUrl) {
    return commenters.link(who, provider, subject, displayName, email, avatarUrl, profileUrl);
  }

  /** Every way the commenter logged in here logs in, oldest first. */
  public List<CommenterIdentity> linked(CommenterIdentity who) {
    return commenters.linked(who);
  }

  public boolean unlink(CommenterIdentity who, long identityId) {
    return commenters.unlink(who, identityId);
  }

  public long commentCount(CommenterIdentity who) {
    return commenters.commentCount(who);
  }

  public void signOut(Context ctx) {
    cookies.get(ctx, COOKIE).ifPresent(commenters::signOut);
    cookies.clear(ctx, COOKIE);
    ctx.attribute(CACHED, Optional.empty());
  }
}
