package blog.core.comment.check;

import blog.core.comment.DiscussionSettings;
import blog.core.comment.NewComment;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Comments with many links are a spammer's favourite: hold those with more than N. */
public final class LinkCountCheck implements CommentCheck {
  private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)");

  @Override
  public Verdict check(NewComment comment, DiscussionSettings settings) {
    int links = 0;
    Matcher m = LINK.matcher(comment.body());
    while (m.find()) {
      links++;
    }
    return links > settings.maxLinks()
        ? new Verdict.Hold(
            "contains " + links + " links (more than " + settings.maxLinks() + " are held)")
        : Verdict.PASS;
  }
}
