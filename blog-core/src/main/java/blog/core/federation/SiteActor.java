package blog.core.federation;

import blog.core.site.SiteSettings;
import java.net.URI;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The blog as a fediverse account: its addresses (all under {@code /federation/}), its handle
 * {@code @name@host}, and the documents that describe it (the actor, WebFinger's answer, NodeInfo).
 */
public final class SiteActor {
  public static final String ACTOR_PATH = "/federation/actor";
  public static final String INBOX_PATH = "/federation/inbox";
  public static final String OUTBOX_PATH = "/federation/outbox";
  public static final String FOLLOWERS_PATH = "/federation/followers";
  public static final String POSTS_PATH = "/federation/posts/";
  public static final String AVATARS_PATH = "/federation/avatars/";
  public static final String COMMENTS_PATH = "/federation/comments/";

  private final String baseUrl;
  private final String name;
  private final String host;

  public SiteActor(String baseUrl, String name) {
    this.baseUrl = baseUrl;
    this.name = name;
    this.host = HttpSignatures.hostOf(URI.create(baseUrl));
  }

  public String id() {
    return baseUrl + ACTOR_PATH;
  }

  public String keyId() {
    return id() + "#main-key";
  }

  public String inbox() {
    return baseUrl + INBOX_PATH;
  }

  public String followers() {
    return baseUrl + FOLLOWERS_PATH;
  }

  public String outbox() {
    return baseUrl + OUTBOX_PATH;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The account's picture: the site's icon. */
  public String icon() {
    return baseUrl + "/favicon.ico";
  }

  public String name() {
    return name;
  }

  /** {@code acct:name@host}, what WebFinger is asked for. */
  public String account() {
    return "acct:" + name + "@" + host;
  }

  /** {@code @name@host}, as people type it. */
  public String handle() {
    return "@" + name + "@" + host;
  }

  /** The id of a post as an ActivityStreams object (stable across slug changes). */
  public String postObjectId(long postId) {
    return baseUrl + POSTS_PATH + postId;
  }

  /**
   * The id of a comment written on the blog as a {@code Note} (sent only if shared): {@code
   * generation} 0 the first time it goes out, one more each time it goes out again after a {@code
   * Delete} (servers keep the deleted id's tombstone).
   */
  public String commentObjectId(long commentId, int generation) {
    return baseUrl + COMMENTS_PATH + commentId + (generation == 0 ? "" : "/" + generation);
  }

  /** Whether WebFinger's {@code resource} names this blog. */
  public boolean isNamedBy(String resource) {
    if (resource == null) {
      return false;
    }
    String r = resource.strip();
    return r.equalsIgnoreCase(account())
        || r.equalsIgnoreCase(handle().substring(1))
        || r.equals(id())
        || r.equals(baseUrl)
        || r.equals(baseUrl + "/");
  }

  /** The actor document: a {@code Person} with its inbox, outbox, followers and public key. */
  public ObjectNode document(SiteSettings site, String publicKeyPem, String iconUrl) {
    ObjectNode actor = Json.object();
    ArrayNode context = actor.putArray("@context");
    context.add(Json.AS_CONTEXT);
    context.add(Json.SECURITY_CONTEXT);
    actor.put("id", id());
    actor.put("type", "Person");
    actor.put("preferredUsername", name);
    actor.put("name", site.title());
    actor.put("summary", Html.paragraph(site.tagline()));
    actor.put("url", baseUrl + "/");
    actor.put("inbox", inbox());
    actor.put("outbox", outbox());
    actor.put("followers", followers());
    actor.put("manuallyApprovesFollowers", false);
    actor.putObject("endpoints").put("sharedInbox", inbox());
    if (iconUrl != null) {
      ObjectNode icon = actor.putObject("icon");
      icon.put("type", "Image");
      icon.put("url", iconUrl);
    }
    ObjectNode key = actor.putObject("publicKey");
    key.put("id", keyId());
    key.put("owner", id());
    key.put("publicKeyPem", publicKeyPem);
    return actor;
  }

  /** WebFinger's answer (RFC 7033) for this blog. */
  public ObjectNode webfinger() {
    ObjectNode jrd = Json.object();
    jrd.put("subject", account());
    jrd.putArray("aliases").add(id()).add(baseUrl + "/");
    ArrayNode links = jrd.putArray("links");
    ObjectNode self = links.addObject();
    self.put("rel", "self");
    self.put("type", "application/activity+json");
    self.put("href", id());
    ObjectNode profile = links.addObject();
    profile.put("rel", "http://webfinger.net/rel/profile-page");
    profile.put("type", "text/html");
    profile.put("href", baseUrl + "/");
    return jrd;
  }

  /** {@code /.well-known/nodeinfo}: where the NodeInfo document is. */
  public ObjectNode nodeinfoLinks() {
    ObjectNode doc = Json.object();
    ObjectNode link = doc.putArray("links").addObject();
    link.put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1");
    link.put("href", baseUrl + "/nodeinfo/2.1");
    return doc;
  }

  /** NodeInfo 2.1: what software this is, with one user and its local posts counted. */
  public ObjectNode nodeinfo(String version, long localPosts) {
    ObjectNode doc = Json.object();
    doc.put("version", "2.1");
    ObjectNode software = doc.putObject("software");
    software.put("name", "blog");
    software.put("version", version);
    doc.putArray("protocols").add("activitypub");
    ObjectNode services = doc.putObject("services");
    services.putArray("inbound");
    services.putArray("outbound");
    doc.put("openRegistrations", false);
    ObjectNode usage = doc.putObject("usage");
    ObjectNode users = usage.putObject("users");
    users.put("total", 1);
    users.put("activeMonth", 1);
    users.put("activeHalfyear", 1);
    usage.put("localPosts", localPosts);
    doc.putObject("metadata");
    return doc;
  }
}
