package blog.core.comment.check;

import blog.core.comment.DiscussionSettings;
import blog.core.comment.NewComment;
import java.util.Locale;

/**
 * WordPress's "disallowed comment keys": an entry found in the name, email, website, text, IP
 * address or user agent sends the comment to spam, recording the entry that matched.
 */
public final class BlocklistCheck implements CommentCheck {
  @Override
  public Verdict check(NewComment comment, DiscussionSettings settings) {
    if (settings.blocklist().isEmpty()) {
      return Verdict.PASS;
    }
    String haystack =
        String.join(
                "\n",
                comment.authorName(),
                nonNull(comment.authorEmail()),
                nonNull(comment.authorUrl()),
                comment.body(),
                nonNull(comment.context().clientIp()),
                nonNull(comment.context().userAgent()))
            .toLowerCase(Locale.ROOT);
    for (String entry : settings.blocklist()) {
      if (haystack.contains(entry)) {
        return new Verdict.Spam("matched the block list entry \"" + entry + "\"");
      }
    }
    return Verdict.PASS;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
