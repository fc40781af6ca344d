package blog.core.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Fetches accounts from other servers (through {@link RemoteFetch}, so never from a private
 * address), signed with the site key for servers that require it, and reads their actor document.
 */
public final class RemoteActors {
  /** Actor documents are small; a larger answer is not one. */
  static final int MAX_BYTES = 256 * 1024;

  static final String ACCEPT =
      "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

  private final RemoteFetch fetch;
  private final Supplier<SiteKey> key;
  private final SiteActor site;
  private final Clock clock;

  public RemoteActors(RemoteFetch fetch, Supplier<SiteKey> key, SiteActor site, Clock clock) {
    this.fetch = fetch;
    this.key = key;
    this.site = site;
    this.clock = clock;
  }

  /**
   * The actor a key belongs to, fetched by the key's id (an actor's {@code ...#main-key}, or a key
   * document naming its owner). {@link Refused} when it cannot be fetched or read.
   */
  public RemoteActor byKeyId(String keyId) {
    URI uri = uri(keyId);
    JsonNode doc = get(withoutFragment(uri));
    if (doc.get("publicKey") == null && Json.string(doc, "owner") != null) {
      // A key document of its own: its owner is the actor.
      doc = get(uri(Json.string(doc, "owner")));
    }
    RemoteActor actor = read(doc);
    if (!keyId.equals(actor.keyId())) {
      throw Refused.unsigned("the key " + keyId + " is not the key of " + actor.id());
    }
    return actor;
  }

  /** The actor at {@code id}. */
  public RemoteActor byId(String id) {
    RemoteActor actor = read(get(uri(id)));
    if (!actor.id().equals(id)) {
      throw Refused.malformed("the actor at " + id + " calls itself " + actor.id());
    }
    return actor;
  }

  /** Any ActivityStreams document, e.g. an object an activity names only by id. */
  public JsonNode object(String id) {
    return get(uri(id));
  }

  private JsonNode get(URI uri) {
    Map<String, String> headers =
        new java.util.LinkedHashMap<>(
            HttpSignatures.sign(
                "get", uri, null, site.keyId(), key.get().privateKey(), clock.instant()));
    headers.remove("Host");
    headers.put("Accept", ACCEPT);
    return Json.parse(fetch.get(uri, headers, MAX_BYTES).body());
  }

  static RemoteActor read(JsonNode doc) {
    String id = Json.string(doc, "id");
    String inbox = Json.id(doc, "inbox");
    JsonNode key = doc.get("publicKey");
    if (key != null && key.isArray() && !key.isEmpty()) {
      key = key.get(0);
    }
    if (id == null || inbox == null || key == null || !key.isObject()) {
      throw Refused.malformed("not an actor with an inbox and a public key");
    }
    String owner = Json.id(key, "owner");
    if (owner != null && !owner.equals(id)) {
      throw Refused.unsigned("the key of " + id + " is owned by " + owner);
    }
    String pem = Json.string(key, "publicKeyPem");
    String keyId = Json.string(key, "id");
    if (pem == null || keyId == null) {
      throw Refused.malformed("an actor key without id or PEM");
    }
    JsonNode endpoints = doc.get("endpoints");
    JsonNode icon = doc.get("icon");
    if (icon != null && icon.isArray() && !icon.isEmpty()) {
      icon = icon.get(0);
    }
    String iconUrl =
        icon == null ? null : icon.isString() ? icon.stringValue() : Json.id(icon, "url");
    String url = Json.id(doc, "url");
    return new RemoteActor(
        id,
        inbox,
        endpoints == null ? null : Json.id(endpoints, "sharedInbox"),
        Json.string(doc, "preferredUsername"),
        Json.string(doc, "name"),
        url == null ? id : url,
        iconUrl,
        keyId,
        pem);
  }

  static URI uri(String value) {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute()) {
        throw Refused.malformed("not an absolute address: " + value);
      }
      return uri;
    } catch (URISyntaxException | NullPointerException e) {
      throw Refused.malformed("not an address: " + value);
    }
  }

  private static URI withoutFragment(URI uri) {
    try {
      return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
    } catch (URISyntaxException e) {
      throw Refused.malformed("not an address: " + uri);
    }
  }
}
