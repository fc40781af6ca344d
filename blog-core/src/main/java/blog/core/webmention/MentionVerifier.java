package blog.core.webmention;

import blog.core.comment.Comment;
import blog.core.comment.CommentEditing;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService;
import blog.core.comment.CommentStatus;
import blog.core.comment.FieldError;
import blog.core.comment.SubmissionContext;
import blog.core.federation.AvatarRepository;
import blog.core.federation.BlockRepository;
import blog.core.federation.Delivery;
import blog.core.federation.DeliveryWorker;
import blog.core.federation.Refused;
import blog.core.federation.RemoteFetch;
import blog.core.federation.RemoteReplies;
import blog.core.identity.CommenterIdentity;
import blog.core.identity.IdentityRepository;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a queued mention in the background (Recommendation, section 3.2.2), as the {@link
 * DeliveryWorker.Transport} of the checks' queue: the source is fetched through the SSRF-guarded
 * {@link RemoteFetch} (size cap, timeouts, few redirects); a source that answers 410 or 404, or no
 * longer links to the target, takes back what it gave (its comment to the trash, its like
 * uncounted); one that links is read for its h-entry. A reply or a plain mention enters the comment
 * pipeline ({@link CommentService}: block list, link limit, first-comment moderation with its
 * reason, notifications, counts) under a commenter identity of the provider {@value #PROVIDER} with
 * the author's name, site and avatar (fetched once, served by the blog); sent again, it edits that
 * comment. Likes and reposts are counted. A failure that may pass (the source's server down) is
 * tried again by the queue; every final outcome is recorded on the mention.
 */
public final class MentionVerifier implements DeliveryWorker.Transport {
  public static final String PROVIDER = "webmention";
  static final int MAX_SOURCE_BYTES = 1024 * 1024;
  static final int MAX_AVATAR_BYTES = 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(MentionVerifier.class);

  private final MentionRepository mentions;
  private final CommentService comments;
  private final CommentEditing editing;
  private final CommentRepository commentRows;
  private final IdentityRepository identities;
  private final AvatarRepository avatars;
  private final BlockRepository blocks;
  private final RemoteFetch fetch;
  private final String avatarBase;
  private final Clock clock;

  public MentionVerifier(
      MentionRepository mentions,
      CommentService comments,
      CommentEditing editing,
      CommentRepository commentRows,
      IdentityRepository identities,
      AvatarRepository avatars,
      BlockRepository blocks,
      RemoteFetch fetch,
      String avatarBase,
      Clock clock) {
    this.mentions = mentions;
    this.comments = comments;
    this.editing = editing;
    this.commentRows = commentRows;
    this.identities = identities;
    this.avatars = avatars;
    this.blocks = blocks;
    this.fetch = fetch;
    this.avatarBase = avatarBase;
    this.clock = clock;
  }

  /** A check's address column is the target, its payload the source. */
  @Override
  public int send(Delivery check) {
    verify(check.activity(), check.inbox());
    return 200;
  }

  /** Verifies the mention of {@code target} by {@code source}; {@link Refused} (502) to retry. */
  public void verify(String source, String target) {
    Optional<Mention> found = mentions.find(source, target);
    if (found.isEmpty()) {
      return; // its post was deleted for good, and the mention with it
    }
    Mention mention = found.get();
    Instant now = clock.instant();
    if (blocks.isBlocked(null, mention.sourceHost())) {
      takeBack(mention, Mention.REFUSED, "mentions from " + mention.sourceHost() + " are blocked");
      return;
    }
    RemoteFetch.Answer answer;
    try {
      answer =
          fetch.getAnyStatus(
              URI.create(source),
              Map.of("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"),
              MAX_SOURCE_BYTES);
    } catch (Refused e) {
      if (e.status() == 400 || e.status() == 403) {
        takeBack(mention, Mention.REFUSED, e.getMessage()); // a private address, say
        return;
      }
      throw e;
    }
    int status = answer.status();
    if (status == 410 || status == 404) {
      takeBack(mention, Mention.DELETED, "the source answered " + status);
      return;
    }
    if (status >= 500 || status == 408 || status == 429) {
      throw new Refused(502, mention.sourceHost() + " answered " + status);
    }
    if (status < 200 || status >= 300) {
      takeBack(mention, Mention.REFUSED, "the source answered " + status);
      return;
    }
    String type = answer.contentType().toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.contains("html")) {
      takeBack(mention, Mention.REFUSED, "the source is not an HTML page");
      return;
    }
    Document doc =
        Jsoup.parse(new String(answer.body(), StandardCharsets.UTF_8), answer.uri().toString());
    if (!Microformats.linksTo(doc, target)) {
      takeBack(mention, Mention.DELETED, "the source does not link to the target");
      return;
    }
    take(mention, Microformats.entry(doc, target), now);
  }

  private void take(Mention mention, Microformats.Entry entry, Instant now) {
    Microformats.Card card = entry.author();
    String authorUrl = card == null ? null : webAddress(card.url());
    String site = URI.create(mention.source()).resolve("/").toString();
    String name =
        firstNonBlank(card == null ? null : card.name(), hostOf(authorUrl), mention.sourceHost());
    if (!entry.kind().isComment()) {
      mention.commentIdOptional().ifPresent(id -> commentRows.setStatus(id, CommentStatus.TRASH));
      mentions.accepted(mention.id(), entry.kind(), null, name, authorUrl, entry.published(), now);
      log.info("{} of post {} from {} counted", entry.kind().db(), mention.postId(), name);
      return;
    }
    CommenterIdentity identity =
        identities.save(
            PROVIDER,
            MentionRepository.cut(authorUrl != null ? authorUrl : "site:" + site, 255),
            MentionRepository.cut(name, 250),
            null,
            avatarOf(card == null ? null : webAddress(card.photo()), now),
            authorUrl != null ? authorUrl : site,
            now);
    String text = text(entry, mention);
    Optional<Comment> existing = mention.commentIdOptional().flatMap(commentRows::findById);
    CommentService.Outcome outcome;
    if (existing.isPresent()) {
      outcome = editing.editFromElsewhere(existing.get().id(), text, now);
      if (existing.get().status() == CommentStatus.TRASH
          && outcome instanceof CommentService.Outcome.Stored) {
        // Taken back earlier and linking again: back to the moderation queue.
        commentRows.setStatus(existing.get().id(), CommentStatus.PENDING);
      }
    } else {
      CommentForm form =
          new CommentForm(
              Long.toString(mention.postId()),
              parentOf(mention),
              null,
              null,
              null,
              text,
              "",
              false,
              false,
              false);
      // No client address (the flood check is per reader) and no form time (there was no form):
      // every other rule applies as to anyone.
      outcome =
          comments.submit(
              form,
              new SubmissionContext(
                  null,
                  "webmention " + mention.sourceHost(),
                  now,
                  Digests.sha256("webmention:" + mention.source() + "\n" + mention.target()),
                  Instant.EPOCH,
                  identity));
    }
    if (outcome instanceof CommentService.Outcome.Refused refused) {
      mentions.refused(
          mention.id(),
          refused.errors().stream().map(FieldError::message).collect(Collectors.joining(" ")),
          now);
      return;
    }
    long commentId = ((CommentService.Outcome.Stored) outcome).comment().id();
    mentions.accepted(
        mention.id(), entry.kind(), commentId, name, authorUrl, entry.published(), now);
    log.info(
        "{} of post {} from {} is comment {}",
        entry.kind().db(),
        mention.postId(),
        name,
        commentId);
  }

  /**
   * The comment a reply answers, when its target is a comment's address on the post ({@code
   * …/#comment-12}) and that comment is approved; "" for the post itself.
   */
  private String parentOf(Mention mention) {
    String fragment = URI.create(mention.target()).getFragment();
    if (fragment == null || !fragment.matches("comment-[0-9]{1,18}")) {
      return "";
    }
    return commentRows
        .findById(Long.parseLong(fragment.substring("comment-".length())))
        .filter(c -> c.postId() == mention.postId() && c.status() == CommentStatus.APPROVED)
        .map(c -> Long.toString(c.id()))
        .orElse("");
  }

  /** The comment's text: the entry's content, else its summary or name, else a plain note. */
  private String text(Microformats.Entry entry, Mention mention) {
    String text =
        firstNonBlank(
            entry.contentText(),
            entry.summary(),
            entry.name(),
            "Mentioned this post at " + mention.source());
    int max = comments.discussion().maxLength();
    if (text.codePointCount(0, text.length()) > max) {
      text = text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
    return text;
  }

  /** The source no longer stands by the mention (or never did): its comment goes to the trash. */
  private void takeBack(Mention mention, String status, String reason) {
    Instant now = clock.instant();
    mention.commentIdOptional().ifPresent(id -> commentRows.setStatus(id, CommentStatus.TRASH));
    // A mention never taken that does not hold up is refused; one taken before is deleted.
    if (status.equals(Mention.DELETED) && mention.status().equals(Mention.ACCEPTED)) {
      mentions.deleted(mention.id(), reason, now);
    } else {
      mentions.refused(mention.id(), reason, now);
    }
    log.info("mention {} from {} {}: {}", mention.id(), mention.sourceHost(), status, reason);
  }

  /** The blog's address of the photo, fetched now if it was not before; or null. */
  private String avatarOf(String photo, Instant now) {
    if (photo == null) {
      return null;
    }
    String key = "webmention:" + photo;
    Optional<Long> stored = avatars.idFor(key);
    if (stored.isEmpty()) {
      try {
        RemoteFetch.Answer answer =
            fetch.get(URI.create(photo), Map.of("Accept", "image/*"), MAX_AVATAR_BYTES);
        String type = RemoteReplies.imageType(answer.body());
        if (type != null) {
          stored = Optional.of(avatars.store(key, type, answer.body(), now));
        }
      } catch (Refused | IllegalArgumentException e) {
        log.info("avatar {} not fetched: {}", hostOf(photo), e.getMessage());
      }
    }
    return stored.map(id -> avatarBase + id).orElse(null);
  }

  private static String webAddress(String address) {
    if (address == null) {
      return null;
    }
    try {
      URI uri = new URI(address.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
              && uri.getHost() != null
              && address.length() <= 2000
          ? uri.toString()
          : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String hostOf(String address) {
    if (address == null) {
      return null;
    }
    try {
      return URI.create(address).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return "";
  }
}
