package blog.core.login;

import blog.core.db.Transactions;
import blog.core.mail.MailQueueRepository;
import blog.core.mail.OutgoingMail;
import blog.core.security.Tokens;
import blog.core.site.SettingsRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Log in with email": a one-time link, valid {@link #VALID} and only in the browser that asked,
 * mailed through the mail queue. Every address gets the same answer (the blog never says whether it
 * knows one); asking is limited per address (silently, as the answer must not change) and per
 * client address (said plainly: it only tells a client about itself).
 */
public final class EmailSignIn {
  private static final Logger LOG = LoggerFactory.getLogger(EmailSignIn.class);

  /** What the reply form and the log-in pages call this way of logging in. */
  public static final String PROVIDER = "email";

  public static final Duration VALID = Duration.ofMinutes(15);
  static final LoginThrottleRepository.Rule PER_ADDRESS =
      new LoginThrottleRepository.Rule(3, Duration.ofMinutes(15), Duration.ofMinutes(15));
  static final LoginThrottleRepository.Rule PER_CLIENT =
      new LoginThrottleRepository.Rule(10, Duration.ofHours(1), Duration.ofHours(1));

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** What became of a request for a link. */
  public sealed interface Asked {
    /** The one answer for every well-formed address: a link is on its way if it may be sent. */
    record Sent(String email) implements Asked {}

    record Refused(String message) implements Asked {}
  }

  /**
   * A link the browser may use: the address it logs in, and where the person was writing; or, to
   * link the address to a logged-in commenter, the identity of their session ({@code linkFrom}).
   */
  public record Link(String email, Long postId, String formData, Long linkFrom) {}

  private final EmailSignInRepository links;
  private final LoginThrottleRepository throttle;
  private final MailQueueRepository mailQueue;
  private final Transactions transactions;
  private final SettingsRepository settings;
  private final Tokens tokens;
  private final String baseUrl;
  private final Clock clock;
  private final Runnable wakeSender;

  public EmailSignIn(
      EmailSignInRepository links,
      LoginThrottleRepository throttle,
      MailQueueRepository mailQueue,
      Transactions transactions,
      SettingsRepository settings,
      Tokens tokens,
      String baseUrl,
      Clock clock,
      Runnable wakeSender) {
    this.links = links;
    this.throttle = throttle;
    this.mailQueue = mailQueue;
    this.transactions = transactions;
    this.settings = settings;
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.wakeSender = wakeSender;
  }

  /** The address as an identity's subject: trimmed, in lower case; empty if it is not one. */
  public static Optional<String> normalised(String address) {
    String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    if (a.length() > OutgoingMail.MAX_ADDRESS_LENGTH || !ADDRESS.matcher(a).matches()) {
      return Optional.empty();
    }
    try {
      new OutgoingMail(a, "", "", null);
    } catch (IllegalArgumentException notAnAddress) {
      return Optional.empty();
    }
    return Optional.of(a);
  }

  /**
   * Mails a link to {@code address} for the browser {@code browserHash}, unless a limit is reached.
   * The link and its mail are stored together or not at all.
   */
  public Asked ask(
      String address, String browserHash, long postId, String formData, String clientAddress) {
    return ask(address, browserHash, postId, formData, null, clientAddress);
  }

  /** {@link #ask} for a logged-in commenter (identity {@code linkFrom}) adding this address. */
  public Asked askToLink(String address, String browserHash, long linkFrom, String clientAddress) {
    return ask(address, browserHash, null, "", linkFrom, clientAddress);
  }

  private Asked ask(
      String address,
      String browserHash,
      Long postId,
      String formData,
      Long linkFrom,
      String clientAddress) {
    Optional<String> email = normalised(address);
    if (email.isEmpty()) {
      return new Asked.Refused("Please enter a valid email address to log in with email.");
    }
    Instant now = clock.instant();
    String clientKey = "email-client:" + clientAddress;
    Optional<Instant> clientBlocked = throttle.blockedUntil(clientKey, now);
    if (clientBlocked.isPresent()) {
      long minutes = Math.max(1, Duration.between(now, clientBlocked.get()).toMinutes() + 1);
      return new Asked.Refused(
          "Too many log-in links were asked for from your connection. Please wait "
              + minutes
              + " minute(s) and try again.");
    }
    throttle.failed(clientKey, PER_CLIENT, now);
    // Keyed by the address's hash: the throttle table need not hold anyone's address.
    String addressKey = "email-address:" + Tokens.hash(email.get());
    if (throttle.blockedUntil(addressKey, now).isPresent()) {
      LOG.info("Email log-in link not sent: too many asked for one address");
      return new Asked.Sent(email.get());
    }
    throttle.failed(addressKey, PER_ADDRESS, now);
    String token = tokens.random();
    OutgoingMail mail = mail(email.get(), token, linkFrom != null);
    transactions.inTransaction(
        () -> {
          links.save(
              Tokens.hash(token),
              browserHash,
              new EmailSignInRepository.Pending(email.get(), postId, formData, linkFrom),
              now,
              now.plus(VALID));
          return mailQueue.enqueue(mail, now);
        });
    wakeSender.run();
    return new Asked.Sent(email.get());
  }

  /** The link, if it is valid in this browser; looking does not use it up. */
  public Optional<Link> peek(String token, String browserHash) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return links.find(Tokens.hash(token), browserHash, clock.instant()).map(EmailSignIn::link);
  }

  /** Uses the link up, if it is valid in this browser: of two tries only one gets it. */
  public Optional<Link> use(String token, String browserHash) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return links.take(Tokens.hash(token), browserHash, clock.instant()).map(EmailSignIn::link);
  }

  private static Link link(EmailSignInRepository.Pending p) {
    return new Link(p.email(), p.postId(), p.formData(), p.linkFrom());
  }

  private OutgoingMail mail(String to, String token, boolean toLink) {
    String title = settings.site().title().replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    String link =
        baseUrl + "/auth/email/confirm?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    String body =
        "Someone, hopefully you, asked to "
            + (toLink ? "add this address as a way to log in to " : "log in to comment on ")
            + title
            + (toLink ? ".\n\nAdd it: " : " with this address.\n\nLog in: ")
            + link
            + "\n\nThe link works once, for "
            + VALID.toMinutes()
            + " minutes, and only in the browser where you asked for it. If it was not you,"
            + " ignore this mail: nobody is logged in unless the link is used.\n";
    return new OutgoingMail(to, "[" + title + "] Your log-in link", body, null);
  }
}
