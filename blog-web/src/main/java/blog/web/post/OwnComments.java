package blog.web.post;

import blog.core.security.Signer;
import blog.web.security.Cookies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which comments this browser wrote, in a signed cookie: their authors see them while they await
 * moderation ("Your comment is awaiting moderation."), and nobody else does.
 */
public final class OwnComments {
  static final String COOKIE = "blog_own";
  private static final String PURPOSE = "own-comments";
  private static final int KEEP = 20;
  private static final int MAX_AGE_SECONDS = 30 * 24 * 3600;

  private final Signer signer;
  private final Cookies cookies;

  public OwnComments(Signer signer, Cookies cookies) {
    this.signer = signer;
    this.cookies = cookies;
  }

  public Set<Long> ids(Context ctx) {
    Set<Long> ids = new LinkedHashSet<>();
    cookies
        .get(ctx, COOKIE)
        .flatMap(value -> signer.verify(PURPOSE, value))
        .ifPresent(
            payload -> {
              for (String part : payload.split("\\.")) {
                if (part.matches("[0-9]{1,18}")) {
                  ids.add(Long.parseLong(part));
                }
              }
            });
    return ids;
  }

  public void add(Context ctx, long commentId) {
    List<Long> ids = new ArrayList<>(ids(ctx));
    ids.remove(commentId);
    ids.add(commentId);
    List<Long> recent = ids.subList(Math.max(0, ids.size() - KEEP), ids.size());
    String payload = String.join(".", recent.stream().map(String::valueOf).toList());
    cookies.set(ctx, COOKIE, signer.sign(PURPOSE, payload), MAX_AGE_SECONDS);
  }
}
