package blog.web.federation;

import blog.core.NotFoundException;
import blog.core.federation.Federation;
import blog.core.federation.InboxGate;
import blog.core.federation.InboxRequest;
import blog.core.federation.Refused;
import blog.core.federation.SiteActor;
import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.reading.BlogReader;
import blog.web.http.ContentNegotiation;
import blog.web.site.Avatars;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public half of the fediverse: discovery (WebFinger, NodeInfo), the blog's actor and its
 * collections, each post as an {@code Article}, each shared comment as a {@code Note}, the inbox,
 * and remote authors' avatars.
 */
public final class FederationHandlers {
  static final String ACTIVITY_JSON = "application/activity+json; charset=utf-8";
  private static final Pattern PERMALINK = Pattern.compile("/[0-9]{4}/[0-9]{2}/[0-9]{2}/([^/]+)/?");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Logger LOG = LoggerFactory.getLogger(FederationHandlers.class);

  private final Federation federation;
  private final BlogReader reader;
  private final String version;

  public FederationHandlers(Federation federation, BlogReader reader, String version) {
    this.federation = federation;
    this.reader = reader;
    this.version = version;
  }

  private SiteActor site() {
    return federation.site();
  }

  /** {@code GET /.well-known/webfinger?resource=acct:name@host} (RFC 7033) */
  public void webfinger(Context ctx) {
    String resource = ctx.queryParam("resource");
    if (resource == null || resource.isBlank()) {
      ctx.status(400).result("resource is required");
      return;
    }
    if (!site().isNamedBy(resource)) {
      throw new NotFoundException("no such account here");
    }
    json(ctx, "application/jrd+json; charset=utf-8", site().webfinger());
    ctx.header("Access-Control-Allow-Origin", "*");
  }

  /** {@code GET /.well-known/nodeinfo} */
  public void nodeinfoLinks(Context ctx) {
    json(ctx, "application/json; charset=utf-8", site().nodeinfoLinks());
  }

  /** {@code GET /nodeinfo/2.1} */
  public void nodeinfo(Context ctx) {
    json(
        ctx,
        "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"",
        site().nodeinfo(version, federation.federatedPosts().count()));
  }

  /** {@code GET /federation/actor}, and the home page asked for ActivityStreams. */
  public void actor(Context ctx) {
    json(ctx, ACTIVITY_JSON, actorDocument());
  }

  private ObjectNode actorDocument() {
    return site().document(reader.site(), federation.key().get().publicPem(), site().icon());
  }

  /** {@code GET /federation/followers}: how many, not who (that stays with the blog). */
  public void followers(Context ctx) {
    json(ctx, ACTIVITY_JSON, collection(site().followers(), federation.followers().count()));
  }

  /** {@code GET /federation/outbox}: how many posts went out; the posts are read on the blog. */
  public void outbox(Context ctx) {
    json(ctx, ACTIVITY_JSON, collection(site().outbox(), federation.federatedPosts().count()));
  }

  private static ObjectNode collection(String id, long total) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("@context", "https://www.w3.org/ns/activitystreams");
    doc.put("id", id);
    doc.put("type", "OrderedCollection");
    doc.put("totalItems", total);
    doc.putArray("orderedItems");
    return doc;
  }

  /** {@code GET /federation/posts/{id}}: a visible post as an {@code Article}. */
  public void post(Context ctx) {
    String raw = ctx.pathParam("id");
    Optional<Post> post =
        raw.matches("[0-9]{1,18}") ? reader.visiblePost(Long.parseLong(raw)) : Optional.empty();
    if (post.isEmpty() || post.get().isPage()) {
      throw new NotFoundException("no such post");
    }
    json(ctx, ACTIVITY_JSON, federation.postSync().article(post.get()));
  }

  /**
   * {@code GET /federation/comments/{id}}: a comment written on the blog, as the {@code Note} that
   * went out; only comments that were shared and still stand.
   */
  public void comment(Context ctx) {
    String raw = ctx.pathParam("id");
    String generation = ctx.pathParamMap().getOrDefault("generation", "0");
    Optional<ObjectNode> note =
        raw.matches("[0-9]{1,18}") && generation.matches("[0-9]{1,9}")
            ? federation.commentSync().noteOf(Long.parseLong(raw), Integer.parseInt(generation))
            : Optional.empty();
    json(ctx, ACTIVITY_JSON, note.orElseThrow(() -> new NotFoundException("no such note")));
  }

  /**
   * Before every route: a GET of the home page or a permalink that asks for ActivityStreams gets
   * the actor or the article instead of the page (how Mastodon looks up a pasted address); the
   * pages themselves say {@code Vary: Accept}.
   */
  public void negotiate(Context ctx) {
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
      return;
    }
    String path = ctx.path();
    if (!ContentNegotiation.asksForActivityJson(ctx.header("Accept"))) {
      if (path.equals("/") || PERMALINK.matcher(path).matches()) {
        // The same address answers ActivityStreams to whoever asks for it: a shared cache must
        // key this page on Accept too. The page cache keeps the header with the page.
        ctx.header("Vary", "Accept");
      }
      return;
    }
    if (ctx.method() != HandlerType.GET) {
      return;
    }
    if (path.equals("/")) {
      json(ctx, ACTIVITY_JSON, actorDocument());
      ctx.header("Vary", "Accept");
      ctx.skipRemainingHandlers();
      return;
    }
    Matcher m = PERMALINK.matcher(path);
    if (!m.matches()) {
      return;
    }
    Optional<Post> post = reader.visiblePost(m.group(1));
    if (post.isPresent()
        && !post.get().isPage()
        && (PostPaths.permalink(post.get(), reader.site().timeZone()).equals(path)
            || PostPaths.permalink(post.get(), reader.site().timeZone()).equals(path + "/"))) {
      json(ctx, ACTIVITY_JSON, federation.postSync().article(post.get()));
      ctx.header("Vary", "Accept");
      ctx.skipRemainingHandlers();
    }
  }

  /** {@code POST /federation/inbox}: the shared inbox and the blog's own. */
  public void inbox(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > InboxGate.MAX_BODY_BYTES) {
      throw new Refused(413, "activity too large");
    }
    String query = ctx.queryString();
    InboxRequest request =
        new InboxRequest(
            ctx.path() + (query == null ? "" : "?" + query),
            name -> {
              var values = ctx.req().getHeaders(name);
              if (values == null || !values.hasMoreElements()) {
                return null;
              }
              return String.join(", ", Collections.list(values));
            },
            body,
            ctx.ip());
    InboxGate.Verified verified = federation.gate().admit(request);
    federation.inbox().receive(verified);
    ctx.status(202).result("");
  }

  /** {@code GET /federation/avatars/{id}}: a remote author's avatar, as the blog stored it. */
  public void avatar(Context ctx) {
    Avatars.serveStored(ctx, federation.avatars());
  }

  /** The one exception of the feature: a refusal, as its status and a one-line reason. */
  public void refused(Refused refused, Context ctx) {
    LOG.info(
        "fediverse request to {} refused ({}): {}",
        ctx.path(),
        refused.status(),
        refused.getMessage());
    ctx.status(refused.status());
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result(refused.getMessage());
  }

  private static void json(Context ctx, String type, JsonNode doc) {
    ctx.status(200);
    ctx.contentType(type);
    ctx.result(JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
  }
}
