package blog.web.post;

import blog.core.post.PostPaths;
import blog.core.reading.BlogReader;
import blog.core.wxr.WordPressLinks;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.regex.Pattern;

/**
 * Before the home page: {@code /?p=123} and {@code /?page_id=2} of an imported WordPress site move
 * permanently to the post's address here. Anything else is the home page as usual.
 */
public final class WordPressLinkRedirects {
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  private final WordPressLinks links;
  private final BlogReader reader;

  public WordPressLinkRedirects(WordPressLinks links, BlogReader reader) {
    this.links = links;
    this.reader = reader;
  }

  public void redirect(Context ctx) {
    String id = ctx.queryParam("p");
    if (id == null) {
      id = ctx.queryParam("page_id");
    }
    if (id == null || !ID.matcher(id).matches()) {
      return;
    }
    links
        .post(Long.parseLong(id))
        .ifPresent(
            post -> {
              ctx.redirect(
                  PostPaths.permalink(post, reader.site().timeZone()),
                  HttpStatus.MOVED_PERMANENTLY);
              ctx.skipRemainingHandlers();
            });
  }
}
