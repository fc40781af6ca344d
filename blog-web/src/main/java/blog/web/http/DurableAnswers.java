package blog.web.http;

import blog.core.db.StoredCommits;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * An answer that tells a person their write happened ("Your comment is awaiting moderation",
 * "Published", a redirect to the new comment) leaves only once that write is in the database file,
 * so a crash of the process a moment later cannot take it back. Runs after the handler, before the
 * answer is written (and before the handler, to refuse writes while the disk is full); every
 * request that may write is covered: every method but GET, HEAD and OPTIONS, and the log-in
 * callbacks (GET), which start a commenter's session.
 */
public final class DurableAnswers {
  private final StoredCommits stored;
  private final Runnable requireRoom;

  public DurableAnswers(StoredCommits stored, Runnable requireRoom) {
    this.stored = stored;
    this.requireRoom = requireRoom;
  }

  /**
   * Before the handler: a request that may write is refused while the database's disk is full,
   * before it changes anything (the person gets their text back, "Not saved yet").
   */
  public void before(Context ctx) {
    if (mayWrite(ctx)) {
      requireRoom.run();
    }
  }

  /** Throws {@link blog.core.db.NotStoredException} when the write cannot reach the file. */
  public void after(Context ctx) {
    if (mayWrite(ctx)) {
      stored.await();
    }
  }

  public static boolean mayWrite(Context ctx) {
    return mayWrite(ctx.method(), ctx.path());
  }

  public static boolean mayWrite(HandlerType method, String path) {
    if (HandlerType.GET.equals(method)) {
      return path.startsWith("/auth/") && path.endsWith("/callback");
    }
    return !HandlerType.HEAD.equals(method) && !HandlerType.OPTIONS.equals(method);
  }
}
