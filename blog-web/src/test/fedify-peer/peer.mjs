// An independent ActivityPub server built with Fedify, run by FedifyPeerTest on 127.0.0.1.
// It plays a Mastodon user, "alice": looks the blog up by WebFinger, follows it, receives its
// posts and the comments written on it (Fedify checks every incoming HTTP signature before a
// listener runs), replies, edits and deletes (signing with RFC 9421 first), and likes and boosts a post and takes a like back.
// The test drives it through /control/* and reads what it received.
import http from "node:http";
import { configure, getConsoleSink } from "@logtape/logtape";
import {
  Accept, Announce, Create, Delete, Endpoints, Follow, Image, Like, MemoryKvStore, Note, Person,
  Undo, Update,
  createFederation, generateCryptoKeyPair,
} from "@fedify/fedify";

// A 1x1 PNG: alice's avatar, which the blog is to fetch once and serve itself.
const AVATAR = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64");

// Fedify's warnings and errors (a refused signature, a failed listener) in the test's output.
await configure({
  sinks: { console: getConsoleSink() },
  loggers: [
    { category: "fedify", sinks: ["console"], lowestLevel: "warning" },
    { category: ["logtape", "meta"], sinks: [], lowestLevel: "warning" },
  ],
});

// Activities go out signed with HTTP Message Signatures (RFC 9421) first, as Fedify does by
// default since 1.7; a server that refuses them gets the older draft-cavage kind ("double
// knocking"). Each POST is recorded (its address, whether it carried Signature-Input, the answer),
// so the test can see which kind the blog took.
const federation = createFederation({
  kv: new MemoryKvStore(), allowPrivateAddress: true, firstKnock: "rfc9421",
});
const sent = [];
const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const response = await originalFetch(input, init);
  if (request.method === "POST") {
    sent.push({ url: request.url, rfc9421: request.headers.has("signature-input"), status: response.status });
  }
  return response;
};
const keys = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
const received = [];
let base = "";

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== "alice") return null;
    const pairs = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Alice Peer",
      url: new URL(`/@${identifier}`, ctx.url),
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      icon: new Image({ url: new URL("/avatar.png", ctx.url), mediaType: "image/png" }),
      publicKey: pairs[0].cryptographicKey,
    });
  })
  .setKeyPairsDispatcher(async (_ctx, identifier) => (identifier === "alice" ? [keys] : []));

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, async (_ctx, accept) => {
    // The blog embeds alice's own Follow; Fedify would fetch an object from another origin than
    // the activity's again, and this peer does not serve its follows.
    const object = await accept.getObject({ crossOrigin: "trust" });
    received.push({ type: "Accept", actor: accept.actorId?.href, object: object?.constructor?.name });
  })
  .on(Create, async (_ctx, create) => {
    const object = await create.getObject();
    const tags = [];
    for await (const tag of object.getTags()) tags.push(tag.name?.toString());
    received.push({
      type: "Create", actor: create.actorId?.href, objectType: object?.constructor?.name,
      id: object?.id?.href, name: object?.name?.toString(), content: object?.content?.toString(),
      url: object?.url?.href, tags, inReplyTo: object?.replyTargetId?.href,
      attributedTo: object?.attributionId?.href,
    });
  })
  .on(Update, async (_ctx, update) => {
    const object = await update.getObject();
    received.push({ type: "Update", actor: update.actorId?.href, id: object?.id?.href, name: object?.name?.toString() });
  })
  .on(Delete, async (_ctx, del) => {
    received.push({ type: "Delete", actor: del.actorId?.href, id: del.objectId?.href });
  });

let notes = 0;
const follows = new Map();
const likes = new Map();

async function control(ctx, path, params) {
  const alice = ctx.getActorUri("alice");
  const sender = { identifier: "alice" };
  if (path === "/control/webfinger") {
    // Mastodon asks https://host/.well-known/webfinger; there is no TLS on 127.0.0.1, so http.
    const [, host] = params.acct.split("@");
    const res = await fetch(`http://${host}/.well-known/webfinger?resource=${encodeURIComponent("acct:" + params.acct)}`);
    if (!res.ok) return { status: res.status };
    const jrd = await res.json();
    const self = jrd.links.find((l) => l.rel === "self" && l.type === "application/activity+json");
    const actor = await ctx.lookupObject(self.href);
    return {
      subject: jrd.subject, id: actor?.id?.href, type: actor?.constructor?.name,
      name: actor?.name?.toString(), preferredUsername: actor?.preferredUsername?.toString(),
      inbox: actor?.inboxId?.href, followers: actor?.followersId?.href,
      keyOwner: (await actor?.getPublicKey())?.ownerId?.href,
    };
  }
  const target = params.target ? await ctx.lookupObject(params.target) : null;
  if (params.target && target == null) throw new Error(`cannot look up ${params.target}`);
  if (path === "/control/follow") {
    const follow = new Follow({ id: new URL(`/follows/${follows.size + 1}`, ctx.url), actor: alice, object: target.id });
    follows.set(target.id.href, follow);
    await ctx.sendActivity(sender, target, follow);
    return { follow: follow.id.href };
  }
  if (path === "/control/unfollow") {
    const follow = follows.get(target.id.href);
    await ctx.sendActivity(sender, target, new Undo({ id: new URL(`/undo/${Date.now()}`, ctx.url), actor: alice, object: follow }));
    return {};
  }
  if (path === "/control/like") {
    const like = new Like({ id: new URL(`/likes/${likes.size + 1}`, ctx.url), actor: alice, object: new URL(params.object) });
    likes.set(params.object, like);
    await ctx.sendActivity(sender, target, like);
    return { like: like.id.href };
  }
  if (path === "/control/unlike") {
    const like = likes.get(params.object);
    await ctx.sendActivity(sender, target, new Undo({ id: new URL(`${like.id.pathname}/undo`, ctx.url), actor: alice, object: like }));
    return {};
  }
  if (path === "/control/announce") {
    const announce = new Announce({
      id: new URL(`/boosts/${Date.now()}`, ctx.url), actor: alice, object: new URL(params.object),
      to: new URL("https://www.w3.org/ns/activitystreams#Public"),
    });
    await ctx.sendActivity(sender, target, announce);
    return { announce: announce.id.href };
  }
  const note = (id) => new Note({
    id: new URL(id, ctx.url), attribution: alice, content: params.content,
    replyTarget: params.inReplyTo ? new URL(params.inReplyTo) : null,
    to: new URL("https://www.w3.org/ns/activitystreams#Public"),
  });
  if (path === "/control/reply") {
    const id = `/notes/${++notes}`;
    await ctx.sendActivity(sender, target, new Create({ id: new URL(`${id}/create`, ctx.url), actor: alice, object: note(id) }));
    return { note: new URL(id, ctx.url).href };
  }
  if (path === "/control/edit") {
    const id = new URL(params.note).pathname;
    await ctx.sendActivity(sender, target, new Update({ id: new URL(`${id}/update/${Date.now()}`, ctx.url), actor: alice, object: note(id) }));
    return {};
  }
  if (path === "/control/delete") {
    await ctx.sendActivity(sender, target, new Delete({ id: new URL(`${new URL(params.note).pathname}/delete`, ctx.url), actor: alice, object: new URL(params.note) }));
    return {};
  }
  return null;
}

const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const url = new URL(req.url, base);
  try {
    if (url.pathname === "/avatar.png") {
      res.writeHead(200, { "Content-Type": "image/png" });
      res.end(AVATAR);
      return;
    }
    if (url.pathname === "/control/sent") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(sent));
      return;
    }
    if (url.pathname === "/control/received") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(received));
      return;
    }
    if (url.pathname.startsWith("/control/")) {
      const ctx = federation.createContext(new URL(base), undefined);
      const params = body.length ? JSON.parse(body.toString("utf8")) : Object.fromEntries(url.searchParams);
      const result = await control(ctx, url.pathname, params);
      res.writeHead(result == null ? 404 : 200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(result ?? {}));
      return;
    }
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    const response = await federation.fetch(request, { contextData: undefined });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    res.writeHead(500, { "Content-Type": "text/plain" });
    res.end(String(e?.stack ?? e));
  }
});

server.listen(0, "127.0.0.1", () => {
  base = `http://127.0.0.1:${server.address().port}`;
  console.log(`PEER_URL ${base}`);
});
