#!/usr/bin/env bash
# The security scan: Debian's wapiti and sqlmap against a blog started here on 127.0.0.1, behind a
# TLS front as deployed (security/front.py). Fails when a scanner reports anything above
# informational. Reports go to security/results/<time>/. Not part of CI; run it by hand:
#
#   security/scan.sh
#
# Needs java, mvn, python3 and curl; installs wapiti, sqlmap and openssl with apt-get when missing.
# SCAN_BUILD=0 skips the Maven build when blog-web/target/blog.jar exists.
set -euo pipefail
cd "$(dirname "$0")/.."

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=security/results/$STAMP
JAR=blog-web/target/blog.jar
# Upper bounds, not the usual times: a run takes 10 to 15 minutes on two busy cores, build included.
WAPITI_CRAWL_SECONDS=${SCAN_WAPITI_CRAWL_SECONDS:-60}
WAPITI_MODULE_SECONDS=${SCAN_WAPITI_MODULE_SECONDS:-150}
# wapiti checks its module bound only between pages; this one stops it for good (and fails the scan).
WAPITI_SECONDS=${SCAN_WAPITI_SECONDS:-600}
SQLMAP_SECONDS=${SCAN_SQLMAP_SECONDS:-360}

fail() { echo "scan: $*" >&2; exit 2; }
for tool in java mvn python3 curl; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
missing=()
command -v wapiti >/dev/null || missing+=(wapiti)
command -v sqlmap >/dev/null || missing+=(sqlmap)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "scan: installing ${missing[*]}"
  { DEBIAN_FRONTEND=noninteractive apt-get update -q \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >/dev/null \
    || fail "could not install ${missing[*]} with apt-get"
fi

mkdir -p "$RESULTS"
if [ "${SCAN_BUILD:-1}" = 1 ] || [ ! -f "$JAR" ]; then
  echo "scan: building the jar"
  { mvn -B -q -o -DskipTests package || mvn -B -q -DskipTests package; } >"$RESULTS/build.log" 2>&1 \
    || { tail -30 "$RESULTS/build.log"; fail "the build failed"; }
fi
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
BLOG_PORT=$(free_port)
FRONT_PORT=$(free_port)
while [ "$FRONT_PORT" = "$BLOG_PORT" ]; do FRONT_PORT=$(free_port); done
BASE="https://127.0.0.1:$FRONT_PORT"
DB_URL="jdbc:h2:file:$WORK/data/blog"
export BLOG_DB_URL=$DB_URL BLOG_PORT BLOG_HOST=127.0.0.1 BLOG_BASE_URL=$BASE \
  BLOG_TRUSTED_PROXIES=127.0.0.1 BLOG_AUTH_DEMO_ENABLED=false BLOG_LOG_ACCESS=OFF

# An administrator, so /admin/setup is closed and sqlmap has a log-in that works as its baseline.
# The password is made up for this run and dies with the temporary database.
ADMIN=scan-admin
ADMIN_PASSWORD=$(python3 -c 'import secrets; print("Scan-" + secrets.token_urlsafe(18))')
echo "scan: creating the database and an administrator"
printf '%s\n' "$ADMIN_PASSWORD" | java -jar "$JAR" create-admin "$ADMIN" >"$WORK/create-admin.log" 2>&1 \
  || { cat "$WORK/create-admin.log"; fail "create-admin failed"; }

# Comment rules relaxed by settings (as bench/run.sh does), written while the blog is down, so the
# scanners' comments are stored and published where they look for them: no flood limit or
# minimum time, no moderation, any number of links, name and email optional (wapiti leaves
# empty what the page leaves empty). Comments come in pages of 20, newest first, so the post page
# a probe is checked on shows the newest probes and costs the same however many came before.
# Every other check stays on.
java -cp "$JAR" org.h2.tools.Shell -url "$DB_URL" -user sa -sql \
  "MERGE INTO settings (name, setting_value) KEY (name) VALUES
     ('discussion.flood-seconds', '0'), ('discussion.min-seconds-to-submit', '0'),
     ('discussion.moderation', 'none'), ('discussion.max-links', '1000'),
     ('discussion.require-name-email', 'false'), ('discussion.page-comments', 'true'),
     ('discussion.comments-per-page', '20'), ('discussion.comments-order', 'newest')" >/dev/null

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null \
  || fail "openssl could not make a certificate"

# The scan's blog runs from its own copy of the jar: rebuilding (or a stray "pkill -f blog.jar"
# meant for another blog on this machine) must not pull it away mid-scan.
cp "$JAR" "$WORK/scanned-blog.jar"
echo "scan: starting the blog on 127.0.0.1:$BLOG_PORT behind $BASE"
python3 security/front.py --listen "$FRONT_PORT" --upstream "$BLOG_PORT" \
  --cert "$WORK/cert.pem" --key "$WORK/key.pem" 2>"$RESULTS/front.log" &
PIDS+=($!)
# A loaded machine can make the first database connection miss its 3 s: try the start again.
ready=""
for attempt in 1 2 3; do
  java -Xmx512m -jar "$WORK/scanned-blog.jar" >"$RESULTS/blog.log" 2>&1 &
  BLOG_PID=$!
  PIDS+=("$BLOG_PID")
  for _ in $(seq 1 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BLOG_PORT/readyz")" = 200 ]; then
      ready=1
      break
    fi
    kill -0 "$BLOG_PID" 2>/dev/null || break
    sleep 0.5
  done
  [ -n "$ready" ] && break
  kill "$BLOG_PID" 2>/dev/null || true
  wait "$BLOG_PID" 2>/dev/null || true
  echo "scan: the blog did not start (attempt $attempt): $(tail -1 "$RESULTS/blog.log")"
done
[ -n "$ready" ] || fail "the blog did not get ready"
[ "$(curl -sk -o /dev/null -w '%{http_code}' "$BASE/readyz")" = 200 ] || fail "the front does not answer"

# The seeded article's address, from the home page.
POST_PATH=$(curl -sk "$BASE/" | python3 -c '
import re, sys
links = re.findall(r"href=\"(/[0-9]{4}/[0-9]{2}/[0-9]{2}/[^\"#]+/)\"", sys.stdin.read())
print(links[0] if links else "")')
[ -n "$POST_PATH" ] || fail "no post link on the home page"
POST_URL="$BASE$POST_PATH"

# A browser id cookie and its CSRF token, and the comment form's fields, for sqlmap. (wapiti keeps
# its own cookies and reads the tokens from the forms it crawls.)
curl -sk -c "$WORK/cookies" "$POST_URL" >"$WORK/post.html"
BID_COOKIE=$(awk '$6 ~ /blog_bid$/ { print $6 "=" $7 }' "$WORK/cookies")
CSRF=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$WORK/post.html" | head -1)
FORM_TOKEN=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$WORK/post.html" | head -1)
POST_ID=$(sed -n 's/.*name="comment_post_ID" value="\([0-9]*\)".*/\1/p' "$WORK/post.html" | head -1)
[ -n "$BID_COOKIE" ] && [ -n "$CSRF" ] && [ -n "$FORM_TOKEN" ] && [ -n "$POST_ID" ] \
  || fail "the post page has no comment form with tokens"
echo "scan: post $POST_PATH (id $POST_ID)"

started=$(date +%s)

echo "scan: wapiti (crawl ≤ ${WAPITI_CRAWL_SECONDS} s, each module ≤ ${WAPITI_MODULE_SECONDS} s)"
# wapiti 3.0.4 loads every module, and its technology fingerprinter (wapp, not run here) downloads
# its database when it finds none: an empty one keeps the scan off the network. --no-bugreport:
# crash reports would be uploaded too.
mkdir -p "$WORK/wapiti-config"
echo '{}' >"$WORK/wapiti-config/apps.json"
# -r replytocom: "?replytocom=N" pages are the post page again, with the form elsewhere; without
# it permanentxss would try every probe once more on each of them.
timeout "$WAPITI_SECONDS" wapiti -u "$BASE/" --scope folder \
  -s "$POST_URL" -s "$BASE/?s=scan" -s "$BASE/admin/login" -r replytocom \
  -m xss,permanentxss,csrf,redirect,cookieflags,csp,http_headers,sql \
  --max-scan-time "$WAPITI_CRAWL_SECONDS" --max-attack-time "$WAPITI_MODULE_SECONDS" \
  --verify-ssl 0 --flush-session --store-session "$WORK/wapiti" \
  --store-config "$WORK/wapiti-config" --no-bugreport \
  -f json -o "$RESULTS/wapiti.json" -v 1 >"$RESULTS/wapiti.log" 2>&1 </dev/null \
  || { rc=$?; tail -5 "$RESULTS/wapiti.log"; fail "wapiti failed or ran out of time (exit $rc)"; }

# sqlmap: moderate level and risk, bounded; each run in its own output folder. A payload that
# seems to work for one database must not narrow the rest of the run to that database's tests
# (the search's first such hit is a false positive that sqlmap itself then throws out).
# Nor may an error page that looks alike for many inputs make it skip a parameter as "type cast"
# (the comment form's email and website), nor may it post the log-in again to where it redirects.
SQLMAP_ANSWERS="skip test payloads specific for other DBMSes=N,extending provided level=N"
SQLMAP_ANSWERS+=",skip those kind of cases=N,resend original POST data=N"
sqlmap_run() { # name, sqlmap arguments...
  local name=$1; shift
  echo "scan: sqlmap $name"
  TERM=dumb timeout "$SQLMAP_SECONDS" sqlmap --batch --level=2 --risk=1 --disable-coloring \
    --answers="$SQLMAP_ANSWERS" \
    --flush-session --timeout=30 --retries=1 --output-dir="$RESULTS/sqlmap-$name" "$@" \
    >"$RESULTS/sqlmap-$name.log" 2>&1 </dev/null || echo "exit $?" >>"$RESULTS/sqlmap-$name.log"
}
sqlmap_run search -u "$BASE/?s=scan" -p s

# The comment form: the front refreshes its one-time form_token; every post gets a nonce in the
# name or text (whichever is not under test), so none is refused as a duplicate; redirects are
# not followed, so "stored" (303) and "refused" (422, the form again) are what sqlmap compares.
sqlmap_run comment -u "$BASE/comments/" \
  --data "comment=Hello+from+the+scan&author=Scanner&email=scanner%40example.org&url=https%3A%2F%2Fexample.org%2F&comment_post_ID=$POST_ID&comment_parent=&form_token=$FORM_TOKEN&_csrf=$CSRF" \
  -p comment,author,email,url,comment_post_ID,comment_parent \
  --cookie "$BID_COOKIE" --drop-set-cookie --ignore-redirects \
  --eval "import secrets; nonce = secrets.token_hex(6); author = author + ' ' + nonce if author == 'Scanner' else author; comment = comment + ' ' + nonce if comment == 'Hello from the scan' else comment"

# The log-in, username: the baseline logs in (and, its session cookie dropped, lands on the log-in
# page again); a wrong one gets 401 and "Wrong username or password.".
sqlmap_run login-username -u "$BASE/admin/login" \
  --data "username=$ADMIN&password=$ADMIN_PASSWORD&next=%2Fadmin&_csrf=$CSRF" \
  -p username --cookie "$BID_COOKIE" --drop-set-cookie --ignore-code=401
# The log-in, password: each try names a different unknown account, or five wrong passwords would
# lock the one account and every later answer would be "Too many failed log-ins".
sqlmap_run login-password -u "$BASE/admin/login" \
  --data "username=nobody&password=$ADMIN_PASSWORD&next=%2Fadmin&_csrf=$CSRF" \
  -p password --cookie "$BID_COOKIE" --drop-set-cookie --ignore-code=401 \
  --eval "import secrets; username = 'nobody-' + secrets.token_hex(6)"

elapsed=$(( $(date +%s) - started ))
echo "scan: scanners took ${elapsed} s"
# Answers from a blog that had gone away would all look alike, and so "not injectable".
if ! kill -0 "$BLOG_PID" 2>/dev/null \
    || [ "$(curl -sk -o /dev/null -w '%{http_code}' "$BASE/readyz")" != 200 ]; then
  tail -5 "$RESULTS/blog.log"
  fail "the blog stopped during the scan: the reports are not to be trusted"
fi
status=0
python3 security/findings.py "$RESULTS" || status=$?
echo "scan: finished in $((SECONDS / 60)) min $((SECONDS % 60)) s"
exit "$status"
