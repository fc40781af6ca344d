#!/usr/bin/env bash
# The blog's benchmark: the blog against nginx serving the very same bytes as static files, in one
# run on this machine, all on 127.0.0.1. Writes bench/results/<time>.md (and a chart, .svg).
#
#   bench/run.sh            full run: 100,000 posts and 1,000,000 comments for the flat-cost part
#   QUICK=1 bench/run.sh    a smoke run: small data, short measurements (minutes, not an hour)
#
#   PEERS=wordpress bench/run.sh   also WordPress on this machine, side by side (bench/wordpress.sh)
#
# Needs java, mvn, curl and awk; installs wrk and nginx with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  POSTS=${BENCH_POSTS:-20000}; COMMENTS=${BENCH_COMMENTS:-200000}
  DURATION=${BENCH_DURATION:-5}; WARMUP=2; COMMENT_SECONDS=${BENCH_COMMENT_SECONDS:-5}
  JIT_SECONDS=${BENCH_JIT_SECONDS:-10}; COMMENT_WARM_SECONDS=${BENCH_COMMENT_WARM_SECONDS:-5}
  JIT_WINDOW=5; JIT_MAX_SECONDS=${BENCH_JIT_MAX_SECONDS:-30}
else
  POSTS=${BENCH_POSTS:-100000}; COMMENTS=${BENCH_COMMENTS:-1000000}
  DURATION=${BENCH_DURATION:-15}; WARMUP=5; COMMENT_SECONDS=${BENCH_COMMENT_SECONDS:-30}
  # A just-started JVM runs the render path interpreted or half-compiled: under full load on two
  # cores the JIT's threads get a small share of the CPU and need a minute or two to compile it
  # (an uncached seed post: ~600/s in the first 10 s, ~1,000/s at 50 s, ~4,700/s from 80 s on).
  # Every scenario that renders is measured after this much load.
  JIT_SECONDS=${BENCH_JIT_SECONDS:-120}
  # Then more while the rate still rises (see warm_jit).
  JIT_WINDOW=10; JIT_MAX_SECONDS=${BENCH_JIT_MAX_SECONDS:-480}
  # Comments run the most code (checks, storing, rendering the answer, reading the post): in 10-s
  # windows ~450/s at first, ~950/s at 60 s, 1,250-1,600/s from 120 s on, while readers read.
  COMMENT_WARM_SECONDS=${BENCH_COMMENT_WARM_SECONDS:-150}
fi
CONNECTIONS=32
PORT=${BENCH_PORT:-7171}
NGINX_PORT=${BENCH_NGINX_PORT:-7172}
BASE="http://127.0.0.1:$PORT"
SEED_POST="/2011/09/14/why-quality-social-networking-beats-quantity-every-time/"
JAR=blog-web/target/blog.jar
HEAP=-Xmx256m
# The documented launch (README, docs/operations.md): the serial collector (no G1 remembered sets,
# ~45 MB less native memory on a small heap), a capped code cache, smaller thread stacks, and
# two malloc arenas (glibc makes one per thread that allocates otherwise). Native Memory Tracking
# only here, for the report's breakdown.
JVM_FLAGS="-XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k"
export MALLOC_ARENA_MAX=2

fail() { echo "bench: $*" >&2; exit 1; }
for tool in java mvn curl awk; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "bench: installing wrk and nginx"
  apt-get install -y wrk nginx-light >/dev/null || fail "could not install wrk and nginx"
fi

# Peers measured in the same run, after the blog (PEERS=wordpress: bench/wordpress.sh); their
# packages are installed first, so that a failure shows before the blog's part.
PEERS=${PEERS:-}
for peer in ${PEERS//,/ }; do
  [ "$peer" = wordpress ] || fail "unknown peer '$peer' in PEERS (known: wordpress)"
  bench/wordpress.sh install || fail "could not install WordPress for PEERS=wordpress"
done

WORK=$(mktemp -d)
# nginx's workers run as an unprivileged user: they must be able to read the static copies (with
# mktemp's 0700 they answered 403 to everything, and early reports compared the blog with that).
chmod 755 "$WORK"
BLOG_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$BLOG_PID" ] && kill "$BLOG_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$JAR" ] || [ "${BENCH_BUILD:-1}" = 1 ]; then
  echo "bench: building"
  mvn -q -B -DskipTests package
fi

blog_env() { # data dir, page-cache bytes
  echo "BLOG_DB_URL=jdbc:h2:file:$1/blog BLOG_PORT=$PORT BLOG_HOST=127.0.0.1 BLOG_BASE_URL=$BASE" \
       "BLOG_AUTH_DEMO_ENABLED=false BLOG_PAGE_CACHE_MAX_BYTES=$2 BLOG_LOG_ACCESS=OFF"
}

# Flood limits relaxed for the benchmark by settings, not by code: written while the blog is down.
relax_limits() {
  java -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$1/blog" -user sa -sql \
    "MERGE INTO settings (name, setting_value) KEY (name) VALUES
       ('discussion.flood-seconds', '0'), ('discussion.min-seconds-to-submit', '0'),
       ('discussion.moderation', 'none'), ('discussion.max-links', '5')" >/dev/null
}

STARTUP_MS=0
start_blog() { # data dir, page-cache bytes
  local started; started=$(date +%s%N)
  env $(blog_env "$1" "$2") java $HEAP $JVM_FLAGS -XX:NativeMemoryTracking=summary -jar "$JAR" \
    >"$WORK/blog.log" 2>&1 &
  BLOG_PID=$!
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" = 200 ]; then
      STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
      return
    fi
    kill -0 "$BLOG_PID" 2>/dev/null || { cat "$WORK/blog.log"; fail "the blog did not start"; }
    sleep 0.05
  done
  fail "the blog did not answer within 30 s"
}

PEAK_RSS_KB=0
NMT=""
# Native Memory Tracking's committed MiB by area, at the end of a run's load: heap, metaspace
# (with class space and the CDS archive), code cache, threads, GC, compiler, other (the rest).
nmt_breakdown() { # pid
  jcmd "$1" VM.native_memory summary 2>/dev/null | awk '
    /^-/ && /committed=/ {
      name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name)
      kb = $0; sub(/.*committed=/, "", kb); sub(/KB.*/, "", kb); mib = kb / 1024
      if (name == "Java Heap") heap += mib
      else if (name == "Class" || name == "Metaspace" || name == "Shared class space") meta += mib
      else if (name == "Code") code += mib
      else if (name == "Thread" || name == "Thread Stack") threads += mib
      else if (name == "GC") gc += mib
      else if (name == "Compiler") compiler += mib
      else other += mib
    }
    /^Total:/ { t = $0; sub(/.*committed=/, "", t); sub(/KB.*/, "", t); total = t / 1024 }
    END { if (total) printf "heap %.0f, metaspace %.0f, code cache %.0f, threads %.0f, GC %.0f, compiler %.0f, other %.0f; total %.0f MiB committed", heap, meta, code, threads, gc, compiler, other, total }'
}
stop_blog() {
  local rss; rss=$(awk '/VmHWM/ {print $2}' "/proc/$BLOG_PID/status" 2>/dev/null || echo 0)
  if [ "${rss:-0}" -gt "$PEAK_RSS_KB" ]; then
    PEAK_RSS_KB=$rss
    NMT="$(nmt_breakdown "$BLOG_PID") (RSS then $(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$BLOG_PID/status") MiB)"
  fi
  kill -TERM "$BLOG_PID"; wait "$BLOG_PID" 2>/dev/null || true
  BLOG_PID=""
}

generate() { # data dir, posts, comments, [seed]
  env $(blog_env "$1" 0) java -jar "$JAR" generate --posts "$2" --comments "$3" --seed "${4:-1}" \
    | tail -1
}

# The permalink path of the newest post written (by generate), read while the blog is down.
newest_post() { # data dir
  java -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$1/blog" -user sa -sql \
    "SELECT '/' || FORMATDATETIME(published_at, 'yyyy/MM/dd', 'en', 'UTC') || '/' || slug || '/'
       FROM posts ORDER BY id DESC LIMIT 1" | awk 'NR == 2 {print $1}'
}

# A commenter signed in with a provider: their identity and a session, written while the blog is
# down (the benchmark has no provider to sign in with). Prints the cookie header of the session.
signed_in_commenter() { # data dir
  local token=benchcommentersessiontoken0123456789abcdef
  java -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$1/blog" -user sa -sql \
    "INSERT INTO commenter_identities (provider, subject, display_name, created_at, updated_at)
       VALUES ('github', 'bench-commenter', 'Bench Commenter', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
     INSERT INTO sessions (id_hash, identity_id, csrf_token, created_at, last_seen_at, expires_at)
       SELECT LOWER(RAWTOHEX(HASH('SHA-256', '$token'))), id, 'bench', CURRENT_TIMESTAMP,
              CURRENT_TIMESTAMP, DATEADD('DAY', 1, CURRENT_TIMESTAMP)
         FROM commenter_identities WHERE subject = 'bench-commenter'" >/dev/null
  # The cookie carries the token base64url-encoded (42 characters: no padding).
  echo "Cookie: blog_session=$(printf %s "$token" | base64 -w0 | tr '+/' '-_')"
}

# wrk: requests per second and p99 in ms, after a warm-up. Extra args: headers.
measure() { # url connections seconds [header]
  local url=$1 conns=$2 seconds=$3 header=${4:-}
  local args=(-t2 -c"$conns" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" -d"${WARMUP}s" "$url" >/dev/null
  wrk "${args[@]}" -d"${seconds}s" "$url" | awk -f bench/wrk-summary.awk
}

start_nginx() {
  mkdir -p "$WORK/static" "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type text/html;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/static; }
}
EOF
  nginx -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  sleep 0.5
}

# Load on one path for some seconds; prints the answers per second.
load() { # path (or "header|path"), seconds
  local item=$1 args=(-t2 -c"$CONNECTIONS" -d"$2s")
  if [[ "$item" == *"|"* ]]; then
    args+=(-H "${item%%|*}")
    item=${item#*|}
  fi
  wrk "${args[@]}" "$BASE$item" | awk '/Requests\/sec/ { printf "%.0f\n", $2 }'
}

# Load spread over the given paths for JIT_SECONDS in all, so the JIT has compiled what they run;
# then rounds of JIT_WINDOW seconds on each path while the paths' rates still rise (their geometric
# mean more than 5 % above the round before's), for at most JIT_MAX_SECONDS more. On a slow machine
# the JIT's threads, on two cores shared with the request threads, may need minutes more than
# JIT_SECONDS (seen: an uncached seed article at 200-480/s for three minutes, 3,000/s after four).
WARMED=""
warm_jit() { # path... (with an optional "header|path" for a cookie)
  local each=$(( JIT_SECONDS / $# + 1 )) item before now started=$SECONDS
  before=$(for item in "$@"; do load "$item" "$each"; done | tr '\n' ' ')
  while [ $((SECONDS - started)) -lt "$JIT_MAX_SECONDS" ]; do
    now=$(for item in "$@"; do load "$item" "$JIT_WINDOW"; done | tr '\n' ' ')
    awk -v n="$now" -v b="$before" 'BEGIN {
      k = split(n, nn, " "); split(b, bb, " "); s = 0
      for (i = 1; i <= k; i++) s += log((nn[i] + 1) / (bb[i] + 1))
      exit !(s / k > log(1.05)) }' || break
    before=$now
  done
  WARMED+="${WARMED:+, }$(( SECONDS - started + JIT_SECONDS )) s"
  echo "bench: warm after $(( SECONDS - started + JIT_SECONDS )) s of load on $# pages" >&2
}

ROWS=()
compare() { # name, path on the blog, [header], target % of nginx (- for a reference row)
  local name=$1 path=$2 header=${3:-}
  curl -s ${header:+-H "$header"} "$BASE$path" >"$WORK/static/$name.html"
  chmod 644 "$WORK/static/$name.html"
  # Both must answer 200 with the same bytes, or the comparison means nothing.
  local blog_bytes nginx_answer
  blog_bytes=$(wc -c <"$WORK/static/$name.html")
  nginx_answer=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' \
    "http://127.0.0.1:$NGINX_PORT/$name.html")
  [ "$nginx_answer" = "200 $blog_bytes" ] \
    || fail "nginx answers $name.html with '$nginx_answer', not 200 and $blog_bytes bytes"
  read -r b_rps b_p50 b_p99 b_bad < <(measure "$BASE$path" $CONNECTIONS "$DURATION" "$header")
  read -r n_rps n_p50 n_p99 n_bad < <(measure "http://127.0.0.1:$NGINX_PORT/$name.html" $CONNECTIONS "$DURATION")
  [ "${n_bad:-0}" = 0 ] || fail "nginx gave $n_bad answers other than 2xx for $name.html"
  local ratio limit verdict
  ratio=$(awk -v b="$b_rps" -v n="$n_rps" 'BEGIN { printf "%.0f", 100 * b / n }')
  limit=$(awk -v p="$n_p99" 'BEGIN { printf "%.2f", 2 * p + 5 }')
  verdict=$(awk -v r="$ratio" -v want="$4" -v p="$b_p99" -v l="$limit" -v bad="${b_bad:-0}" \
    'BEGIN { print (r >= want && p <= l && bad == 0) ? "pass" : "FAIL" }')
  if [ "$4" = - ]; then
    ROWS+=("| $name | $b_rps | $n_rps | $ratio % (reference) | $b_p99 | $n_p99 | – | $b_bad | reference |")
  else
    ROWS+=("| $name | $b_rps | $n_rps | $ratio % (≥ $4 %) | $b_p99 | $n_p99 | ≤ $limit | $b_bad | $verdict |")
  fi
  echo "bench: $name: blog $b_rps/s p99 $b_p99 ms; nginx $n_rps/s p99 $n_p99 ms; $ratio %"
}

echo "bench: fresh blog"
FRESH="$WORK/fresh"
mkdir -p "$FRESH"
generate "$FRESH" 1 210 >/dev/null          # the seed article, and one post with ~200 comments
BIG_POST=$(newest_post "$FRESH")             # kept pages; then hot discussion and comments on it
# Two more, left alone by the writers, for the uncached rows: ~200 comments, and ~1,000 (shown on
# one comment page: see show_on_one_page).
generate "$FRESH" 1 210 2 >/dev/null
COLD_POST=$(newest_post "$FRESH")
generate "$FRESH" 1 1050 3 >/dev/null   # ~1,000 of them approved and shown
HUGE_POST=$(newest_post "$FRESH")
relax_limits "$FRESH"
COMMENTER=$(signed_in_commenter "$FRESH")
start_blog "$FRESH" $((32 * 1024 * 1024))
FRESH_STARTUP_MS=$STARTUP_MS
for post in "$BIG_POST" "$COLD_POST" "$HUGE_POST"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$post")" = 200 ] || fail "$post does not answer 200"
done
comments_on() { curl -s "$BASE$1" | grep -o 'id="comment-[0-9]*"' | sort -u | wc -l; }
BIG_COUNT=$(comments_on "$BIG_POST")
COLD_COUNT=$(comments_on "$COLD_POST")
# grep reads the whole page (not -q): with pipefail, a grep that stops at the first match can leave
# curl writing into a closed pipe (exit 23), which read as "not signed in" on some runs.
curl -s ${COMMENTER:+-H "$COMMENTER"} "$BASE$SEED_POST" | grep -c 'Bench Commenter' >/dev/null \
  || fail "the signed-in commenter is not signed in"
start_nginx
# Kept pages too are measured on a JVM that has compiled their path (answered at tens of thousands
# a second, five seconds of warm-up left the first rows some 20 % short of a running blog).
warm_jit / "$SEED_POST" "$BIG_POST" "Accept-Encoding: gzip|$SEED_POST" \
  "Accept-Encoding: gzip|$BIG_POST" /2011/09/ /feed/

compare home / "" 50
compare seed-post "$SEED_POST" "" 50
compare post-200-comments "$BIG_POST" "" 50
# As browsers ask for them: gzipped by the blog, and the very same compressed bytes from nginx.
compare seed-post-gzip "$SEED_POST" "Accept-Encoding: gzip" 50
compare post-200-comments-gzip "$BIG_POST" "Accept-Encoding: gzip" 50
compare archive /2011/09/ "" 50
compare feed /feed/ "" 50

COOKIE_JAR="$WORK/cookies"
curl -s -c "$COOKIE_JAR" "$BASE$BIG_POST" >/dev/null
BID=$(awk '$6 ~ /blog_bid$/ {print $6 "=" $7}' "$COOKIE_JAR")

# A hot discussion: 8 readers of the post with ~200 comments while 4 connections post comments to
# that same post as fast as the blog takes them (each invalidates the kept page). Against nginx
# serving the page's bytes as they were when it began (the blog's page only grows meanwhile).
# Target: at least 25 % of nginx, p99 at most 50 ms, with at least 50 comments a second.
HOT=""
hot_discussion() {
  local name=hot-discussion
  curl -s "$BASE$BIG_POST" >"$WORK/static/$name.html"
  chmod 644 "$WORK/static/$name.html"
  local seconds=$((WARMUP + DURATION + 1))
  wrk -t1 -c4 -d"${seconds}s" -s bench/comment.lua "$BASE" -- "$BIG_POST" "$BID" \
    >"$WORK/hot-writers.txt" &
  local writers=$!
  read -r b_rps b_p50 b_p99 b_bad < <(measure "$BASE$BIG_POST" 8 "$DURATION")
  wait $writers
  local accepted per_second
  accepted=$(awk -F'[= ]' '/^accepted=/ {print $2}' "$WORK/hot-writers.txt")
  per_second=$(awk -v a="$accepted" -v s="$seconds" 'BEGIN { printf "%.0f", a / s }')
  read -r n_rps _ n_p99 n_bad < <(measure "http://127.0.0.1:$NGINX_PORT/$name.html" 8 "$DURATION")
  [ "${n_bad:-0}" = 0 ] || fail "nginx gave $n_bad answers other than 2xx for $name.html"
  local ratio verdict
  ratio=$(awk -v b="$b_rps" -v n="$n_rps" 'BEGIN { printf "%.0f", 100 * b / n }')
  verdict=$(awk -v r="$ratio" -v p="$b_p99" -v c="$per_second" -v bad="${b_bad:-0}" \
    'BEGIN { print (r >= 25 && p <= 50 && c >= 50 && bad == 0) ? "pass" : "FAIL" }')
  HOT="| $b_rps | $n_rps | $ratio % (≥ 25 %) | $b_p99 (≤ 50) | $n_p99 | $per_second (≥ 50) | $(comments_on "$BIG_POST") | $b_bad | $verdict |"
  echo "bench: hot discussion: readers $b_rps/s p99 $b_p99 ms; nginx $n_rps/s; $ratio %; $per_second comments/s"
}
echo "bench: hot discussion"
hot_discussion

# Comments: posted for COMMENT_SECONDS while other connections keep reading.
echo "bench: comment submissions"
stop_blog
COUNT_SQL="SELECT COUNT(*) FROM comments"
count_comments() {
  java -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$FRESH/blog" -user sa -sql "$COUNT_SQL" \
    | awk 'NR == 2 {print $1}'
}
STORED_BEFORE=$(count_comments)
start_blog "$FRESH" $((32 * 1024 * 1024))
# The same load first, to warm the JIT; its comments count in the stored-rows check too.
wrk -t1 -c8 -d"${COMMENT_WARM_SECONDS}s" "$BASE$SEED_POST" >/dev/null &
READERS=$!
wrk -t2 -c16 -d"${COMMENT_WARM_SECONDS}s" -s bench/comment.lua "$BASE" -- "$BIG_POST" "$BID" >"$WORK/comments-warm.txt"
wait $READERS
wrk -t1 -c8 -d"${COMMENT_SECONDS}s" "$BASE$SEED_POST" >"$WORK/readers.txt" &
READERS=$!
wrk -t2 -c16 -d"${COMMENT_SECONDS}s" -s bench/comment.lua "$BASE" -- "$BIG_POST" "$BID" >"$WORK/comments.txt"
wait $READERS
WARM_ACCEPTED=$(awk -F'[= ]' '/^accepted=/ {print $2}' "$WORK/comments-warm.txt")
ACCEPTED=$(awk -F'[= ]' '/^accepted=/ {print $2}' "$WORK/comments.txt")
REFUSED=$(awk -F'[= ]' '/^accepted=/ {print $4}' "$WORK/comments.txt")
READ_RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/readers.txt")
stop_blog
STORED_AFTER=$(count_comments)
STORED=$((STORED_AFTER - STORED_BEFORE))
PER_SECOND=$(awk -v a="$ACCEPTED" -v s="$COMMENT_SECONDS" 'BEGIN { printf "%.0f", a / s }')
# Each wrk run stops with up to one request per connection in flight: stored but never answered.
IN_FLIGHT=$((STORED - WARM_ACCEPTED - ACCEPTED))
COMMENT_VERDICT=$([ "$IN_FLIGHT" -ge 0 ] && [ "$IN_FLIGHT" -le 32 ] && [ "$PER_SECOND" -ge 1000 ] \
  && echo pass || echo FAIL)

# Unpaged, a post shows at most 500 threads; paged by 1,000 threads, the ~1,000 comments of
# HUGE_POST are all on its first comment page. Written while the blog is down, for the uncached rows.
show_on_one_page() {
  java -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$1/blog" -user sa -sql \
    "MERGE INTO settings (name, setting_value) KEY (name) VALUES
       ('discussion.page-comments', 'true'), ('discussion.comments-per-page', '1000')" >/dev/null
}

echo "bench: cold path (page cache off)"
show_on_one_page "$FRESH"
start_blog "$FRESH" 0
HUGE_COUNT=$(comments_on "$HUGE_POST")
warm_jit "$SEED_POST" / "$COLD_POST" "$HUGE_POST" "$COMMENTER|$SEED_POST" /healthz
# What a page rendered per request can reach at most: Javalin's routing and servlet path with no
# page logic (the health check, answered by a handler that writes two bytes; the path it shares
# with every page is compiled by now).
compare servlet-floor /healthz "" -
FLOOR_RPS=$(printf '%s\n' "${ROWS[@]}" | awk -F'|' '$2 ~ /servlet-floor/ { print $3 + 0 }')

# Pages rendered per request, as a share of servlet-floor measured just before (issue 27).
FLOOR_ROWS=()
against_floor() { # name, path, [header], target % of servlet-floor
  local name=$1 path=$2 header=${3:-}
  [ "$(curl -s -o /dev/null -w '%{http_code}' ${header:+-H "$header"} "$BASE$path")" = 200 ] \
    || fail "$BASE$path does not answer 200"
  read -r b_rps b_p50 b_p99 b_bad < <(measure "$BASE$path" $CONNECTIONS "$DURATION" "$header")
  local ratio verdict
  ratio=$(awk -v b="$b_rps" -v f="$FLOOR_RPS" 'BEGIN { printf "%.1f", 100 * b / f }')
  verdict=$(awk -v r="$ratio" -v want="$4" -v bad="${b_bad:-0}" \
    'BEGIN { print (r >= want && bad == 0) ? "pass" : "FAIL" }')
  FLOOR_ROWS+=("| $name | $b_rps | $ratio % (≥ $4 %) | $b_p50 | $b_p99 | $b_bad | $verdict |")
  echo "bench: $name: $b_rps/s, $ratio % of servlet-floor"
}
against_floor cold-seed-post "$SEED_POST" "" 25
against_floor cold-home / "" 40
against_floor cold-post-200-comments "$COLD_POST" "" 5
against_floor cold-post-1000-comments "$HUGE_POST" "" 1.5
# Their pages carry personal bits (signed in as ..., their own comments) and are never shared.
against_floor signed-in-commenter "$SEED_POST" "$COMMENTER" 20

# Flat cost: the same pages with the cache off, a small blog against a big one. The small one is
# the smallest on which every page measured exists (page 500 of the home page needs 5,000 posts),
# with the same ten comments a post, so both answer the same kind of page.
SMALL_POSTS=5010; SMALL_COMMENTS=50100
ARCHIVE=""; DEEP_PAGE=""; DEEP_CATEGORY=""
flat_pages() { # prints name path
  printf '%s\n' "home /" "post $SEED_POST" "page-500 /page/500/" "deep-page $DEEP_PAGE" \
    "archive $ARCHIVE" "old-archive $OLD_ARCHIVE" "category /category/community/" \
    "deep-category $DEEP_CATEGORY" \
    "rare-tag /tag/twitter/" "feed /feed/" "comments-feed /comments/feed/" \
    "moderation /admin/comments" "admin-posts /admin/posts"
}
# Pages only a signed-in admin sees.
for_admin() { [ "$1" = moderation ] || [ "${1#admin-}" != "$1" ]; }
# Page N of a listing of COUNT posts, nine tenths of the way down: page 450 of the small blog's
# home page, page 9,000 of the big one's; the same for a category. A read that skipped the rows
# before its page would cost twenty times more on the big blog.
deep_page() { # base path, count of posts listed
  echo "$1page/$(( $2 * 9 / 100 ))/"
}
category_count() { # slug -> its number of posts in the sidebar
  curl -s "$BASE/" | grep -o "href=\"/category/$1/\">[^<]*</a> ([0-9]*)" | head -1 \
    | sed -e 's/.*(//' -e 's/)//'
}
# The month before the newest post's: an archive with a full page of posts on either blog (the
# newest post's own month may have begun days ago, and on the small blog hold fewer posts than a
# page, which made the big blog's page look dearer only for showing more).
archive_month() {
  curl -s "$BASE/" | grep -o 'href="/20[0-9][0-9]/[0-9][0-9]/' | head -1 \
    | awk -F/ '{ y = $2; m = $3 - 1; if (m == 0) { m = 12; y-- }; printf "/%d/%02d/\n", y, m }'
}
# The same month six years before: a read of it bounded by now rather than by the month's end
# would walk every post published since (three quarters of either blog).
old_month() { # /YYYY/MM/ -> /YYYY-6/MM/
  echo "$1" | awk -F/ '{printf "/%d/%s/\n", $2 - 6, $3}'
}
admin_cookie() { # data dir -> cookie header for an admin session
  printf 'bench admin password\n' | env $(blog_env "$1" 0) java -jar "$JAR" create-admin benchadmin >/dev/null 2>&1 || true
}
login() {
  local jar="$WORK/admin-cookies"; rm -f "$jar"
  local csrf; csrf=$(curl -s -c "$jar" "$BASE/admin/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -H "Origin: $BASE" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "username=benchadmin" \
    --data-urlencode "password=bench admin password" --data-urlencode "next=/admin" "$BASE/admin/login"
  echo "Cookie: $(awk 'NF == 7 {sub(/^#HttpOnly_/, "", $1); printf "%s=%s; ", $6, $7}' "$jar")"
}
latencies() { # posts on the blog -> "name p50" lines
  local cookie; cookie=$(login)
  ARCHIVE=$(archive_month)
  [ -n "$ARCHIVE" ] || fail "no post on the home page"
  OLD_ARCHIVE=$(old_month "$ARCHIVE")
  DEEP_PAGE=$(deep_page / "$1")
  local community; community=$(category_count community)
  [ -n "$community" ] || fail "no count of the Community category in the sidebar"
  DEEP_CATEGORY=$(deep_page /category/community/ "$community")
  local warm=()
  while read -r name path; do
    if for_admin "$name"; then warm+=("$cookie|$path"); else warm+=("$path"); fi
  done < <(flat_pages)
  warm_jit "${warm[@]}"
  while read -r name path; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "$cookie"} "$BASE$path")" = 200 ] \
      || fail "$BASE$path does not answer 200"
    local header=""
    for_admin "$name" && header=$cookie
    read -r _ p50 _ _ < <(measure "$BASE$path" 4 "$DURATION" "$header")
    echo "$name $p50"
  done < <(flat_pages)
}
stop_blog
echo "bench: generating the small blog ($SMALL_POSTS posts, $SMALL_COMMENTS comments)"
SMALL="$WORK/small"
mkdir -p "$SMALL"
generate "$SMALL" "$SMALL_POSTS" "$SMALL_COMMENTS" >/dev/null
admin_cookie "$SMALL"
start_blog "$SMALL" 0
latencies "$SMALL_POSTS" >"$WORK/flat-fresh.txt"
stop_blog
rm -rf "$SMALL"

echo "bench: generating $POSTS posts and $COMMENTS comments"
BIG="$WORK/big"
mkdir -p "$BIG"
GEN_STARTED=$(date +%s)
generate "$BIG" "$POSTS" "$COMMENTS"
GEN_SECONDS=$(( $(date +%s) - GEN_STARTED ))
# "1M comments in well under a minute": three quarters of one, for the full run's data.
GEN_VERDICT=$([ "$GEN_SECONDS" -le 60 ] && echo pass || echo FAIL)
admin_cookie "$BIG"
start_blog "$BIG" 0
BIG_STARTUP_MS=$STARTUP_MS
latencies "$POSTS" >"$WORK/flat-big.txt"
stop_blog
FLAT_ROWS=$(paste -d' ' "$WORK/flat-fresh.txt" "$WORK/flat-big.txt" | awk '{
  r = $4 / ($2 > 0 ? $2 : 0.001);
  printf "| %s | %.2f | %.2f | %.2f× | %s |\n", $1, $2, $4, r, (r <= 1.5 ? "pass" : "FAIL") }')

# The peer, on this machine and with the same wrk settings, the blog stopped.
PEER_SECTION=""
if [[ " ${PEERS//,/ } " == *" wordpress "* ]]; then
  echo "bench: the peer: WordPress"
  # req/s and p99 of a row: columns 3 and 6 in both tables.
  row_of() { printf '%s\n' "${@:2}" | awk -F'|' -v n=" $1 " '$2 == n { print $3 + 0, $6 + 0 }'; }
  read -r SEED_RPS SEED_P99 < <(row_of seed-post "${ROWS[@]}")
  read -r COLD_RPS COLD_P99 < <(row_of cold-seed-post "${FLOOR_ROWS[@]}")
  # A failure here costs the section, not the blog's figures measured until now.
  if DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS COMMENT_SECONDS=$COMMENT_SECONDS \
      BENCH_WP_PORT=${BENCH_WP_PORT:-$((NGINX_PORT + 1))} bench/wordpress.sh measure "$WORK/wordpress.txt"; then
    PEER_SECTION=$(bench/wordpress.sh report "$WORK/wordpress.txt" "$SEED_RPS" "$SEED_P99" \
      "$COLD_RPS" "$COLD_P99" "$PER_SECOND" "$(wc -c <"$WORK/static/seed-post.html")")
  else
    echo "bench: the WordPress part failed; the report says so" >&2
    PEER_SECTION=$(printf '%s\n\n%s' "## The peer: WordPress on this machine" \
      "PEERS=wordpress was asked for, but bench/wordpress.sh failed (its message is in the run's output): no figures.")
  fi
fi

# The report.
mkdir -p bench/results
STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
REPORT="bench/results/$STAMP.md"
CHART="bench/results/$STAMP.svg"
{
  echo "# Benchmark $STAMP"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
    "java $(java -version 2>&1 | awk -F'"' 'NR == 1 {print $2}'); heap $HEAP; $( [ "$QUICK" = 1 ] && echo 'QUICK run (small data, short measurements)' || echo 'full run')."
  echo "wrk: 2 threads, $CONNECTIONS connections, ${DURATION}s after ${WARMUP}s warm-up; after each start of the blog, ${JIT_SECONDS}s of load on the pages to be measured (kept pages, uncached rows, flat cost) so the JIT has compiled them, then more in rounds of ${JIT_WINDOW}s on each while their rates still rose by more than 5 % (geometric mean) (up to ${JIT_MAX_SECONDS}s more; load in all before kept pages, uncached rows, small and big blog: $WARMED); nginx: 2 workers, the same bytes as static files, access log off (the blog's too: BLOG_LOG_ACCESS=OFF)."
  echo
  echo "## Reader pages (page cache on unless marked cold)"
  echo
  echo "| page | blog req/s | nginx req/s | blog / nginx | blog p99 ms | nginx p99 ms | p99 target | non-2xx | |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "The post with many comments shows $BIG_COUNT comments. Rows marked gzip ask with \`Accept-Encoding: gzip\`; nginx serves the very bytes the blog answered (compressed), as a precompressed static file. nginx's answers are checked to be 200 with the blog's byte count before each measurement. servlet-floor is a reference, not a target: the health check, which runs no page logic, through Javalin's routing and servlet path (as every page the cache does not answer goes); a page rendered per request can at most reach it."
  echo
  echo "## A hot discussion (page cache on)"
  echo
  echo "8 connections read the post that had $BIG_COUNT comments while 4 connections post comments to it as fast as the blog accepts them, for ${WARMUP}s of warm-up and ${DURATION}s measured; nginx serves the page's bytes as they were when it began, to 8 connections. Readers may get the page from before the newest comments for at most 1 s (\`X-Page-Cache: stale\`, see docs/performance.md); the writers always see their own."
  echo
  echo "| readers req/s | nginx req/s | blog / nginx | readers p99 ms | nginx p99 ms | comments/s | comments on it after | non-2xx | |"
  echo "|---|---|---|---|---|---|---|---|---|"
  echo "$HOT"
  echo
  echo "## Uncached pages against servlet-floor (page cache off)"
  echo
  echo "$CONNECTIONS connections; servlet-floor ($FLOOR_RPS req/s) measured just before, on the same JVM. cold-post-200-comments shows $COLD_COUNT comments, cold-post-1000-comments $HUGE_COUNT on one comment page; signed-in-commenter is the seed article for a commenter with a session (rendered for them alone, as their pages always are)."
  echo
  echo "| page | req/s | of servlet-floor | p50 ms | p99 ms | non-2xx | |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${FLOOR_ROWS[@]}"
  echo
  echo "## Comment submissions ($COMMENT_SECONDS s, 16 connections posting, 8 reading the seed article)"
  echo
  echo "Measured after ${COMMENT_WARM_SECONDS} s of the same load (warm-up: $WARM_ACCEPTED comments accepted). Stored rows (both runs) may exceed accepted answers (both runs) only by the requests in flight when wrk stopped (at most one per connection, 16 a run); more would mean doubled comments, fewer lost ones."
  echo
  echo "| accepted | per second | accepted in warm-up | stored (both runs) | refused | readers' req/s | |"
  echo "|---|---|---|---|---|---|---|"
  echo "| $ACCEPTED | $PER_SECOND (≥ 1000) | $WARM_ACCEPTED | $STORED | $REFUSED | $READ_RPS | $COMMENT_VERDICT |"
  echo
  [ -n "$PEER_SECTION" ] && printf '%s\n\n' "$PEER_SECTION"
  echo "## Flat cost: median latency (ms, page cache off, 4 connections) as the blog grows"
  echo
  echo "Small blog: $SMALL_POSTS generated posts and $SMALL_COMMENTS comments, the smallest on which /page/500/ exists; big blog: $POSTS posts and $COMMENTS comments (generated in ${GEN_SECONDS} s). The archive is the month before each blog's newest post's (a full page on either blog), old-archive the same month six years before (a read bounded by now rather than by the month's end would walk every post since); deep-page and deep-category are nine tenths of the way down the home page and the Community category (page 450 against page 9,000 of the home page: a page read by skipping the posts before it would cost twenty times more on the big blog); rare-tag is a tag on the seed article alone (a listing filtered per request would read the whole blog for it)."
  echo
  echo "| page | small | big | big / small | ≤ 1.5× |"
  echo "|---|---|---|---|---|"
  echo "$FLAT_ROWS"
  echo
  echo "## Size and start-up"
  echo
  echo "Peak RSS of the blog (VmHWM, largest of its runs): $((PEAK_RSS_KB / 1024)) MiB with $HEAP $JVM_FLAGS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; target ≤ 400 MiB."
  echo "Native Memory Tracking at the end of that run's load: ${NMT:-not read}."
  echo "Start-up to the first 200: ${FRESH_STARTUP_MS} ms (fresh blog), ${BIG_STARTUP_MS} ms (big blog); target ≤ 3000 ms."
  echo
  echo "Generating $POSTS posts and $COMMENTS comments took ${GEN_SECONDS} s; target ≤ 60 s for 1,000,000 comments: $GEN_VERDICT."
  echo
  echo "![throughput chart]($STAMP.svg)"
} >"$REPORT"

# A small bar chart of blog / nginx throughput per page.
printf '%s\n' "${ROWS[@]}" | awk -F'|' -v out="$CHART" '
  { name[NR] = $2; gsub(/ /, "", name[NR]); split($5, r, " "); ratio[NR] = r[1] + 0 }
  END {
    h = 40 + NR * 28
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", h > out
    printf "<text x=\"10\" y=\"18\">blog throughput as %% of nginx static (line: 50 %% target)</text>\n" > out
    for (i = 1; i <= NR; i++) {
      y = 30 + (i - 1) * 28; w = ratio[i] * 3; if (w > 360) w = 360
      printf "<text x=\"10\" y=\"%d\">%s</text>\n", y + 15, name[i] > out
      printf "<rect x=\"170\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#3a6ea5\"/>\n", y + 2, w > out
      printf "<text x=\"%d\" y=\"%d\">%d %%</text>\n", 175 + w, y + 15, ratio[i] > out
    }
    printf "<line x1=\"320\" y1=\"26\" x2=\"320\" y2=\"%d\" stroke=\"#c00\"/>\n</svg>\n", h - 4 > out
  }'
echo "bench: wrote $REPORT"
