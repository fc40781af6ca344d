#!/usr/bin/env python3
"""The scan's stand-in for nginx: a TLS-terminating reverse proxy on 127.0.0.1 in front of the blog.

    front.py --listen PORT --upstream PORT --cert FILE --key FILE

The blog runs as deployed (https base-url, so HSTS and Secure __Host- cookies; trusted-proxies set
to 127.0.0.1), and the scanners talk to it through this proxy. Besides passing requests on, it
does two things a scanner cannot do for itself:

- Each request is forwarded as coming from a different client (a random address in the IPv6
  documentation range, 2001:db8::/32, in X-Forwarded-For), as if the probes came from many
  people. Otherwise the per-client log-in throttle (20 failures in 15 minutes) would answer every
  later probe with "Too many failed log-ins" and the scanners would test that page instead.
- A reply form carries a one-time token (form_token): a second comment sent with the same form is
  taken as a double click and answered with the first comment. Scanners replay the one form they
  crawled, so for POST /comments/ a form_token that is still one of the blog's (not a probe the
  scanner put there) is swapped for a fresh one, fetched from the post's page as a browser would
  get it. Probes in form_token itself pass unchanged.

Nothing else is changed. Standard library only.
"""

import argparse
import http.client
import http.server
import random
import re
import signal
import ssl
import sys
import threading
import urllib.parse

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}
# A token as the blog signs it: "<post id>.<epoch seconds>.<nonce>~<signature>".
TOKEN = re.compile(r"[0-9]+\.[0-9]+\.[A-Za-z0-9_-]+~[A-Za-z0-9_-]+")
TOKEN_FIELD = re.compile(r'name="form_token" value="([^"]+)"')
FORM_TOKEN_PARAM = re.compile(r"(^|&)form_token=([^&]*)")
POST_ID_PARAM = re.compile(r"(?:^|&)comment_post_ID=([0-9]{1,18})(?:&|$)")


def client_address():
    return "2001:db8::%x:%x" % (random.getrandbits(16), random.getrandbits(16))


class Front(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream_port = 0
    counts = {"requests": 0, "tokens_refreshed": 0}
    permalinks = {}  # post id -> the path its page was found at
    counts_lock = threading.Lock()

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass

    def _upstream(self):
        return http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=120)

    def _fresh_token(self, post_id):
        """A form token for post_id, from the post's page as an anonymous reader gets it."""
        path = self.permalinks.get(post_id, "/?p=" + post_id)
        for _ in range(3):  # /?p=ID moves to the permalink
            conn = self._upstream()
            try:
                conn.request("GET", path, headers={"Host": self.headers.get("Host", "")})
                resp = conn.getresponse()
                body = resp.read().decode("utf-8", "replace")
                if resp.status in (301, 302, 303, 307, 308):
                    location = resp.getheader("Location", "")
                    path = urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl()
                    continue
                match = TOKEN_FIELD.search(body) if resp.status == 200 else None
                if match:
                    self.permalinks[post_id] = path
                return match.group(1) if match else None
            finally:
                conn.close()
        return None

    def _refresh_form_token(self, body):
        text = body.decode("ascii", "replace")
        token = FORM_TOKEN_PARAM.search(text)
        post_id = POST_ID_PARAM.search(text)
        if not token or not post_id:
            return body
        if not TOKEN.fullmatch(urllib.parse.unquote_plus(token.group(2))):
            return body
        fresh = self._fresh_token(post_id.group(1))
        if fresh is None:
            return body
        with self.counts_lock:
            self.counts["tokens_refreshed"] += 1
        replaced = text[: token.start(2)] + urllib.parse.quote(fresh, safe="") + text[token.end(2) :]
        return replaced.encode("ascii")

    def _forward(self):
        with self.counts_lock:
            self.counts["requests"] += 1
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            # Browsers send forms with a length; so does every scanner here.
            self.send_error(411)
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        if (
            self.command == "POST"
            and self.path.split("?", 1)[0] == "/comments/"
            and "x-www-form-urlencoded" in self.headers.get("Content-Type", "")
        ):
            body = self._refresh_form_token(body)

        conn = self._upstream()
        try:
            conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                lower = name.lower()
                if lower in HOP_BY_HOP or lower in ("content-length", "x-forwarded-for"):
                    continue
                conn.putheader(name, value)
            conn.putheader("X-Forwarded-For", client_address())
            conn.putheader("X-Forwarded-Proto", "https")
            if body or self.command in ("POST", "PUT", "PATCH"):
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body or None)
            resp = conn.getresponse()
            data = resp.read()
        except (OSError, http.client.HTTPException) as e:
            print("front: %s %s: upstream failed: %r" % (self.command, self.path[:200], e), file=sys.stderr)
            self.send_error(502)
            return
        finally:
            conn.close()

        self.send_response_only(resp.status, resp.reason)
        for name, value in resp.getheaders():
            lower = name.lower()
            if lower in HOP_BY_HOP or (lower == "content-length" and self.command != "HEAD"):
                continue
            self.send_header(name, value)
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _forward


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--upstream", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args()

    Front.upstream_port = args.upstream
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.listen), Front)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        print(
            "front: %(requests)d requests, %(tokens_refreshed)d form tokens refreshed" % Front.counts,
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
