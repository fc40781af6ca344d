package blog.core.notify;

import blog.core.security.Signer;
import java.util.Optional;

/**
 * The signed links in notification mails. They prove the reader received the mail, so following one
 * needs no log-in and no cookie (mail clients post the one-click unsubscribe by themselves).
 */
public final class NotificationTokens {
  /** What an unsubscribe link stops: a reader's subscription or an author's comment mails. */
  public sealed interface Target {
    record OfSubscription(long subscriptionId) implements Target {}

    record OfAuthor(long userId) implements Target {}
  }

  private static final String CONFIRM = "subscription-confirm";
  private static final String UNSUBSCRIBE = "unsubscribe";

  private final Signer signer;

  public NotificationTokens(Signer signer) {
    this.signer = signer;
  }

  public String confirm(Subscription subscription) {
    return signer.sign(CONFIRM, Long.toString(subscription.id()));
  }

  public Optional<Long> confirmedSubscription(String token) {
    return signer.verify(CONFIRM, token).flatMap(NotificationTokens::id);
  }

  public String unsubscribe(Subscription subscription) {
    return signer.sign(UNSUBSCRIBE, "s" + subscription.id());
  }

  public String unsubscribeAuthor(long userId) {
    return signer.sign(UNSUBSCRIBE, "a" + userId);
  }

  public Optional<Target> unsubscribeTarget(String token) {
    return signer
        .verify(UNSUBSCRIBE, token)
        .filter(payload -> payload.length() > 1 && "sa".indexOf(payload.charAt(0)) >= 0)
        .flatMap(
            payload ->
                id(payload.substring(1))
                    .map(
                        id ->
                            payload.charAt(0) == 's'
                                ? new Target.OfSubscription(id)
                                : new Target.OfAuthor(id)));
  }

  private static Optional<Long> id(String raw) {
    return raw.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(raw)) : Optional.empty();
  }
}
