package blog.core.privacy;

import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.identity.CommenterIdentity;
import blog.core.login.EmailSignIn;
import blog.core.login.LoginThrottleRepository;
import blog.core.mail.MailQueueRepository;
import blog.core.mail.OutgoingMail;
import blog.core.privacy.PersonalDataRepository.OwnComment;
import blog.core.security.Tokens;
import blog.core.site.SettingsRepository;
import blog.core.text.OneLine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A commenter's own data: "My comments" for a logged-in commenter or a guest who opened a link
 * mailed to their address, the download of everything kept about them, and "Erase me". Every export
 * and erasure is logged for the owner.
 */
public final class PersonalData {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final LoginThrottleRepository.Rule PER_ADDRESS =
      new LoginThrottleRepository.Rule(3, Duration.ofMinutes(15), Duration.ofMinutes(15));
  static final LoginThrottleRepository.Rule PER_CLIENT =
      new LoginThrottleRepository.Rule(10, Duration.ofHours(1), Duration.ofHours(1));

  /** The answer to asking for a link: the same for every well-formed address. */
  public sealed interface Asked {
    record Sent() implements Asked {}

    record Refused(String message) implements Asked {}
  }

  private final PersonalDataRepository data;
  private final PrivacyLinkRepository links;
  private final LoginThrottleRepository throttle;
  private final MailQueueRepository mailQueue;
  private final SettingsRepository settings;
  private final Tokens tokens;
  private final String baseUrl;
  private final Clock clock;
  private final Runnable wakeSender;
  private final boolean keepErasedComments;

  /** {@code mailQueue} and {@code wakeSender} are null with mail off (no links, no mails). */
  public PersonalData(
      PersonalDataRepository data,
      PrivacyLinkRepository links,
      LoginThrottleRepository throttle,
      MailQueueRepository mailQueue,
      SettingsRepository settings,
      Tokens tokens,
      String baseUrl,
      Clock clock,
      Runnable wakeSender,
      boolean keepErasedComments) {
    this.data = data;
    this.links = links;
    this.throttle = throttle;
    this.mailQueue = mailQueue;
    this.settings = settings;
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.wakeSender = wakeSender;
    this.keepErasedComments = keepErasedComments;
  }

  /** The discussion settings that say what is kept and shown (IP retention, avatars). */
  public DiscussionSettings discussion() {
    return DiscussionSettings.from(settings.content());
  }

  public boolean keepsErasedComments() {
    return keepErasedComments;
  }

  /** A logged-in commenter: every linked identity, and the addresses they proved with them. */
  public static Person of(List<CommenterIdentity> linked) {
    Set<Long> ids = new HashSet<>();
    Set<String> emails = new HashSet<>();
    for (CommenterIdentity i : linked) {
      ids.add(i.id());
      if (i.email() != null && !i.email().isBlank()) {
        emails.add(i.email());
      }
      if (EmailSignIn.PROVIDER.equals(i.provider())) {
        emails.add(i.subject());
      }
    }
    return new Person(ids, emails);
  }

  /** Whoever proved {@code email}: the address, and the identities that stand for it. */
  public Person ofEmail(String email) {
    String e = EmailSignIn.normalised(email).orElseThrow();
    return new Person(data.identitiesWithEmail(e), Set.of(e));
  }

  /**
   * Mails a "My comments" link for {@code address} to the browser {@code browserHash} when the blog
   * keeps something under it; the answer is the same either way, and asking is limited.
   */
  public Asked askLink(String address, String browserHash, String clientAddress) {
    Optional<String> email = EmailSignIn.normalised(address);
    if (email.isEmpty()) {
      return new Asked.Refused("Please enter a valid email address.");
    }
    Instant now = clock.instant();
    String clientKey = "privacy-client:" + clientAddress;
    if (throttle.blockedUntil(clientKey, now).isPresent()) {
      return new Asked.Refused(
          "Too many links were asked for from your connection. Please try again later.");
    }
    throttle.failed(clientKey, PER_CLIENT, now);
    String addressKey = "email-address:" + Tokens.hash(email.get());
    Person person = ofEmail(email.get());
    boolean known = !data.comments(person).isEmpty() || !data.subscriptions(person).isEmpty();
    if (mailQueue == null || !known || throttle.blockedUntil(addressKey, now).isPresent()) {
      return new Asked.Sent();
    }
    throttle.failed(addressKey, PER_ADDRESS, now);
    String token = tokens.random();
    links.save(
        Tokens.hash(token), browserHash, email.get(), now, now.plus(PrivacySettings.LINK_VALID));
    String link =
        baseUrl + "/my-comments?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    mailQueue.enqueue(
        new OutgoingMail(
            email.get(),
            "[" + title() + "] Your comments",
            "Someone, hopefully you, asked to see the comments written on "
                + title()
                + " with this address.\n\nSee them: "
                + link
                + "\n\nThe link works for an hour, in the browser where you asked for it. If it"
                + " was not you, ignore this mail.\n",
            null),
        now);
    wakeSender.run();
    return new Asked.Sent();
  }

  /** Whether a refused ask was refused for its address (else for asking too often). */
  public boolean askedBadAddress(String address) {
    return EmailSignIn.normalised(address).isEmpty();
  }

  /** The address a mailed link proves, while it is valid in this browser. */
  public Optional<String> emailOfLink(String token, String browserHash) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return links.email(Tokens.hash(token), browserHash, clock.instant());
  }

  /** Their comments, newest first, without the ones in the trash. */
  public List<OwnComment> comments(Person p) {
    return data.comments(p).stream().filter(c -> c.status() != CommentStatus.TRASH).toList();
  }

  public List<PersonalDataRepository.OwnSubscription> subscriptions(Person p) {
    return data.subscriptions(p).stream().filter(s -> !"unsubscribed".equals(s.status())).toList();
  }

  public boolean cancelSubscription(Person p, long id) {
    return data.cancelSubscription(p, id, clock.instant());
  }

  /** Everything the blog keeps about them, as JSON; logged for the owner. */
  public String export(Person p, String requestedBy) {
    Instant now = clock.instant();
    int retentionDays = DiscussionSettings.from(settings.content()).ipRetentionDays();
    ObjectNode root = JSON.createObjectNode();
    root.put("site", title());
    root.put("exported_at", now.toString());
    ObjectNode profile = root.putObject("profile");
    ArrayNode emails = profile.putArray("email_addresses");
    p.emails().stream().sorted().forEach(emails::add);
    ArrayNode identities = profile.putArray("identities");
    for (var i : data.identities(p)) {
      ObjectNode n = identities.addObject();
      n.put("provider", i.provider());
      n.put("subject", i.subject());
      n.put("display_name", i.displayName());
      n.put("email", i.email());
      n.put("avatar_url", i.avatarUrl());
      n.put("profile_url", i.profileUrl());
      n.put("first_logged_in", i.createdAt().toString());
      n.put("last_logged_in", i.updatedAt().toString());
    }
    ArrayNode comments = root.putArray("comments");
    List<OwnComment> own = data.comments(p);
    for (OwnComment c : own) {
      ObjectNode n = comments.addObject();
      n.put("id", c.id());
      n.put("post_id", c.postId());
      n.put("post_title", c.postTitle());
      n.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
      n.put("written_at", c.createdAt().toString());
      n.put("edited_at", c.editedAt() == null ? null : c.editedAt().toString());
      n.put("name", c.authorName());
      n.put("email", c.authorEmail());
      n.put("website", c.authorUrl());
      n.put("text", c.text());
      n.put("ip_address", c.clientIp());
      n.put("user_agent", c.userAgent());
      n.put(
          "ip_address_and_user_agent_kept_until",
          c.clientIp() == null && c.userAgent() == null
              ? null
              : retentionDays == 0
                  ? "kept until the comment is deleted"
                  : c.createdAt().plus(Duration.ofDays(retentionDays)).toString());
    }
    ArrayNode subscriptions = root.putArray("subscriptions");
    for (var s : data.subscriptions(p)) {
      ObjectNode n = subscriptions.addObject();
      n.put("email", s.email());
      n.put("what", s.scope());
      n.put("post_id", s.postId());
      n.put("status", s.status());
      n.put("since", s.createdAt().toString());
    }
    ArrayNode sessions = root.putArray("log_in_sessions");
    for (var s : data.sessions(p)) {
      ObjectNode n = sessions.addObject();
      n.put("started", s.createdAt().toString());
      n.put("last_used", s.lastSeenAt().toString());
      n.put("ends", s.expiresAt().toString());
    }
    ObjectNode kept = root.putObject("about_requests");
    kept.put(
        "ip_address_and_user_agent",
        retentionDays == 0
            ? "kept with each comment until it is deleted"
            : "kept with each comment for " + retentionDays + " days, then cleared");
    kept.put("sessions", "a log-in lasts 14 days unused, 60 days at most; only its hash is stored");
    data.log("export", p, requestedBy, own.size(), now);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /**
   * Erases them (see {@link PersonalDataRepository#erase}); logs it and mails each address a
   * confirmation. Returns how many comments were anonymised or deleted.
   */
  public int erase(Person p, String requestedBy) {
    List<String> names = new ArrayList<>();
    data.comments(p).forEach(c -> names.add(c.authorName()));
    data.identities(p).forEach(i -> names.add(i.displayName()));
    int count = data.erase(p, keepErasedComments, names);
    Instant now = clock.instant();
    data.log("erase", p, requestedBy, count, now);
    if (mailQueue != null) {
      for (String email : p.emails()) {
        mailQueue.enqueue(
            new OutgoingMail(
                email,
                "[" + title() + "] Your data was erased",
                "As asked, "
                    + title()
                    + " no longer keeps your comments' name, address, website, IP address and"
                    + " user agent, your subscriptions or your log-ins"
                    + (keepErasedComments
                        ? "; the text of your comments stays, signed \"Anonymous\"."
                        : "; your comments were deleted.")
                    + "\n",
                null),
            now);
      }
      wakeSender.run();
    }
    return count;
  }

  /** The owner's log of exports and erasures, newest first. */
  public List<PersonalDataRepository.Request> requests(int limit) {
    return data.requests(limit);
  }

  private String title() {
    return OneLine.clean(settings.site().title(), " ");
  }
}
