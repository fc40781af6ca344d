package blog.core.federation;

import blog.core.comment.CommentEditing;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService;
import blog.core.comment.CommentStatus;
import blog.core.comment.FieldError;
import blog.core.comment.SubmissionContext;
import blog.core.identity.CommenterIdentity;
import blog.core.identity.IdentityRepository;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies from the fediverse as comments. A note enters the very pipeline of the reply form ({@link
 * CommentService}: block list, link limit, first-comment moderation and its reason, notifications,
 * counts), written by a commenter identity of the provider {@code fediverse} whose name, profile
 * link and avatar come from the remote account; the avatar is fetched once and served by the blog.
 * Its text is the note's text (its HTML is not kept), rendered and sanitised like any comment.
 */
public final class RemoteReplies {
  public static final String PROVIDER = "fediverse";
  static final int MAX_AVATAR_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(RemoteReplies.class);

  private final CommentService comments;
  private final CommentEditing editing;
  private final CommentRepository commentRows;
  private final IdentityRepository identities;
  private final FederatedCommentRepository links;
  private final AvatarRepository avatars;
  private final RemoteFetch fetch;
  private final SiteActor site;
  private final Clock clock;

  public RemoteReplies(
      CommentService comments,
      CommentEditing editing,
      CommentRepository commentRows,
      IdentityRepository identities,
      FederatedCommentRepository links,
      AvatarRepository avatars,
      RemoteFetch fetch,
      SiteActor site,
      Clock clock) {
    this.comments = comments;
    this.editing = editing;
    this.commentRows = commentRows;
    this.identities = identities;
    this.links = links;
    this.avatars = avatars;
    this.fetch = fetch;
    this.site = site;
    this.clock = clock;
  }

  /** The comment a remote object became, if it did. */
  public Optional<Long> commentOf(String objectId) {
    return links.byObject(objectId).map(FederatedCommentRepository.Link::commentId);
  }

  /**
   * Takes a note replying to post {@code postId} (under comment {@code parentId}, or null) as a
   * comment; returns its id. {@link Refused} (422) when the comment rules refuse it.
   */
  public long receive(RemoteActor actor, String objectId, String html, long postId, Long parentId) {
    Instant now = clock.instant();
    Optional<FederatedCommentRepository.Link> known = links.byObject(objectId);
    if (known.isPresent()) {
      return known.get().commentId(); // delivered again
    }
    CommenterIdentity identity =
        identities.save(
            PROVIDER,
            actor.id(),
            FollowerRepository.truncate(actor.displayName() + " (" + actor.handle() + ")", 250),
            null,
            avatarOf(actor, now),
            actor.url(),
            now);
    CommentForm form =
        new CommentForm(
            Long.toString(postId),
            parentId == null ? "" : parentId.toString(),
            null,
            null,
            null,
            Html.toText(html),
            "",
            false,
            false,
            false);
    // No client address (the flood check is per reader, and a server speaks for many) and no
    // form time (there was no form): the other rules apply as to anyone.
    SubmissionContext ctx =
        new SubmissionContext(
            null,
            "fediverse " + actor.domain(),
            now,
            submissionKey(objectId),
            Instant.EPOCH,
            identity);
    CommentService.Outcome outcome = comments.submit(form, ctx);
    if (outcome instanceof CommentService.Outcome.Refused refused) {
      throw new Refused(422, messages(refused.errors()));
    }
    long id = ((CommentService.Outcome.Stored) outcome).comment().id();
    links.link(id, objectId, actor.id(), actor.deliveryInbox(), actor.handle());
    log.info("reply {} from {} stored as comment {}", objectId, actor.domain(), id);
    return id;
  }

  /** The author edited the note: the comment's text follows, checked again. */
  public void edit(RemoteActor actor, String objectId, String html) {
    FederatedCommentRepository.Link link = owned(actor, objectId);
    var outcome = editing.editFromElsewhere(link.commentId(), Html.toText(html), clock.instant());
    if (outcome instanceof CommentService.Outcome.Refused refused) {
      throw new Refused(422, messages(refused.errors()));
    }
  }

  /** The author deleted the note: the comment goes to the trash. */
  public void delete(RemoteActor actor, String objectId) {
    FederatedCommentRepository.Link link = owned(actor, objectId);
    commentRows.setStatus(link.commentId(), CommentStatus.TRASH);
  }

  private FederatedCommentRepository.Link owned(RemoteActor actor, String objectId) {
    FederatedCommentRepository.Link link =
        links.byObject(objectId).orElseThrow(() -> new Refused(404, "no such reply here"));
    if (!link.actorId().equals(actor.id())) {
      throw new Refused(403, "only its author may change a reply");
    }
    return link;
  }

  /** The blog's address of the author's avatar, fetched now if it was not before; or null. */
  private String avatarOf(RemoteActor actor, Instant now) {
    Optional<Long> stored = avatars.idFor(actor.id());
    if (stored.isEmpty() && actor.iconUrl() != null) {
      try {
        RemoteFetch.Answer answer =
            fetch.get(
                RemoteActors.uri(actor.iconUrl()), Map.of("Accept", "image/*"), MAX_AVATAR_BYTES);
        String type = imageType(answer.body());
        if (type != null) {
          stored = Optional.of(avatars.store(actor.id(), type, answer.body(), now));
        }
      } catch (Refused e) {
        log.info("avatar of {} not fetched: {}", actor.domain(), e.getMessage());
      }
    }
    return stored.map(id -> site.baseUrl() + SiteActor.AVATARS_PATH + id).orElse(null);
  }

  /** The image type read from the bytes (PNG, JPEG, GIF, WebP), or null for anything else. */
  public static String imageType(byte[] b) {
    if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return "image/gif";
    }
    if (b.length > 12
        && new String(b, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
        && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return "image/webp";
    }
    return null;
  }

  /** One comment per remote object, whatever the number of deliveries: 64 hex characters. */
  static String submissionKey(String objectId) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(("fediverse:" + objectId).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String messages(java.util.List<FieldError> errors) {
    return errors.stream().map(FieldError::message).collect(Collectors.joining(" "));
  }

  static String hostOf(String uri) {
    return URI.create(uri).getHost();
  }
}
