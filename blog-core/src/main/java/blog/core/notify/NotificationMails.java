package blog.core.notify;

import blog.core.comment.Comment;
import blog.core.comment.CommentStatus;
import blog.core.mail.OutgoingMail;
import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.site.SiteSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The words of each notification mail: plain text, absolute links, unsubscribe in every one. */
public final class NotificationMails {
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

  private final String baseUrl;
  private final NotificationTokens tokens;

  public NotificationMails(String baseUrl, NotificationTokens tokens) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  /** To the post's author: a new comment, or one waiting for approval. */
  public OutgoingMail toAuthor(String to, long authorId, Comment c, Post post, SiteSettings site) {
    boolean held = c.status() == CommentStatus.PENDING;
    String subject =
        subject(site, (held ? "Please moderate: “" : "New comment on “") + post.title() + "”");
    StringBuilder body = new StringBuilder();
    body.append(held ? "A new comment on the post “" : "New comment on your post “")
        .append(post.title())
        .append(held ? "” is waiting for your approval.\n" : "”.\n")
        .append(permalink(post, site))
        .append("\n\nAuthor: ")
        .append(c.authorName());
    if (c.authorEmail() != null) {
      body.append(" <").append(c.authorEmail()).append('>');
    }
    if (c.authorUrl() != null) {
      body.append("\nWebsite: ").append(c.authorUrl());
    }
    body.append("\nComment:\n").append(c.bodySource()).append("\n\n");
    if (held && c.heldReason() != null) {
      body.append("Held because: ").append(c.heldReason()).append("\n\n");
    } else {
      body.append("Read it: ").append(permalink(post, site)).append("#comment-").append(c.id());
      body.append("\n\n");
    }
    String unsubscribe = link("/unsubscribe?token=", tokens.unsubscribeAuthor(authorId));
    body.append("-- \nYou receive this because you wrote “")
        .append(post.title())
        .append("”.\nStop mails about comments on your posts: ")
        .append(unsubscribe)
        .append('\n');
    return withUnsubscribe(new OutgoingMail(to, subject, body.toString(), null), unsubscribe);
  }

  /** To a confirmed subscriber of the post's comments. */
  public OutgoingMail followUp(Subscription to, Comment c, Post post, SiteSettings site) {
    String unsubscribe = link("/unsubscribe?token=", tokens.unsubscribe(to));
    String body =
        c.authorName()
            + " commented on “"
            + post.title()
            + "”:\n\n"
            + c.bodySource()
            + "\n\nRead it and reply: "
            + permalink(post, site)
            + "#comment-"
            + c.id()
            + "\n\n-- \nYou receive this because you asked to be told about new comments on this"
            + " post.\nUnsubscribe: "
            + unsubscribe
            + "\n";
    String subject = subject(site, "New comment on “" + post.title() + "”");
    return withUnsubscribe(new OutgoingMail(to.email(), subject, body, null), unsubscribe);
  }

  /** To a confirmed subscriber of the blog: a post was published. */
  public OutgoingMail newPost(Subscription to, Post post, String excerpt, SiteSettings site) {
    String unsubscribe = link("/unsubscribe?token=", tokens.unsubscribe(to));
    String body =
        "“"
            + post.title()
            + "” was published on "
            + site.title()
            + ".\n\n"
            + excerpt
            + "\n\nRead it: "
            + permalink(post, site)
            + "\n\n-- \nYou receive this because you asked to be told about new posts.\n"
            + "Unsubscribe: "
            + unsubscribe
            + "\n";
    String subject = subject(site, "New post: " + post.title());
    return withUnsubscribe(new OutgoingMail(to.email(), subject, body, null), unsubscribe);
  }

  /** Double opt-in: nothing is sent to a subscription until its address confirms it. */
  public OutgoingMail confirmation(Subscription s, Post post, SiteSettings site) {
    String what =
        s.isBlogWide() ? "new posts on " + site.title() : "new comments on “" + post.title() + "”";
    String body =
        "Someone, hopefully you, asked to be emailed about "
            + what
            + ".\n\nConfirm the subscription: "
            + link("/subscriptions/confirm?token=", tokens.confirm(s))
            + "\n\nIf it was not you, ignore this mail: nothing more will be sent to this address"
            + " unless the link above is used.\n";
    String subject = subject(site, "Please confirm your subscription to " + what);
    return new OutgoingMail(s.email(), subject, body, null);
  }

  /**
   * "[Site] what", on one line. Titles are one line as the editor sees it, but may still hold a
   * Unicode line or paragraph separator or a C1 control (pasted text); a subject cannot, and a mail
   * refused here would refuse the comment it is about.
   */
  private static String subject(SiteSettings site, String what) {
    return LINE_BREAKS.matcher("[" + site.title() + "] " + what).replaceAll(" ");
  }

  private String permalink(Post post, SiteSettings site) {
    return baseUrl + PostPaths.permalink(post, site.timeZone());
  }

  private String link(String path, String token) {
    return baseUrl + path + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** RFC 8058 one-click unsubscribe: mail clients POST to the link without opening a page. */
  private static OutgoingMail withUnsubscribe(OutgoingMail mail, String unsubscribe) {
    return mail.withHeader("List-Unsubscribe", "<" + unsubscribe + ">")
        .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }
}
