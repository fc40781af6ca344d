package blog.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.mail.OutgoingMail;
import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.post.PostType;
import blog.core.security.Signer;
import blog.core.site.SiteSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotificationMailsTest {
  private final NotificationMails mails =
      new NotificationMails(
          "https://blog.example", new NotificationTokens(new Signer(new byte[32])));

  @Test
  void titlesWithUnicodeLineBreaksStillMakeOneLineSubjects() {
    // The editor turns ASCII controls into spaces; these pass it (pasted text) but no subject
    // may hold them, and a mail refused here would refuse the comment or post it is about.
    Post post =
        new Post(
            1,
            "p",
            "One\u2028Bcc: eve@evil.example\u2029two\u0085three",
            "",
            "",
            "",
            PostStatus.PUBLISHED,
            1,
            true,
            Instant.EPOCH,
            Instant.EPOCH,
            Instant.EPOCH,
            1,
            PostType.POST);
    SiteSettings site = new SiteSettings("My\u2028Blog", "", 10, "", "", ZoneOffset.UTC);
    Subscription subscription =
        new Subscription(7, "reader@example.org", 1L, SubscriptionStatus.ACTIVE);
    OutgoingMail mail = mails.newPost(subscription, post, "", site);
    assertEquals("[My Blog] New post: One Bcc: eve@evil.example two three", mail.subject());
    assertEquals(
        "[My Blog] Please confirm your subscription to new comments on “One Bcc:"
            + " eve@evil.example two three”",
        mails.confirmation(subscription, post, site).subject());
  }
}
