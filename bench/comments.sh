#!/usr/bin/env bash
# Durable comments per second on the embedded H2 database, in run.sh's comment scenario: 16
# connections post comments (through the real form, as the page's script sends them) to a post with
# 200+ comments while 8 connections read the seed article. Measured on the blog as it is configured
# by default (every acknowledged comment is in the database file: it survives a crash of the blog)
# and with db.fsync=true (also on the disk: it survives a power loss), and, with BENCH_BASELINE_JAR,
# on an older jar for comparison. The stored rows are counted after each run: they must equal the
# accepted answers plus at most the requests in flight when wrk stopped.
#
#   bench/comments.sh                 writes bench/results/<time>-comments.md
#
# Settings (environment): BENCH_COMMENT_WARM_SECONDS (90) of the same load first, for the JIT;
# BENCH_COMMENT_SECONDS (30) measured; BENCH_BASELINE_JAR, a jar to measure the same way first, and
# BENCH_BASELINE_LABEL, what the report calls it (e.g. "the jar of commit 8fda196").
set -euo pipefail
cd "$(dirname "$0")/.."

WARM=${BENCH_COMMENT_WARM_SECONDS:-90}
SECONDS_MEASURED=${BENCH_COMMENT_SECONDS:-30}
PORT=${BENCH_PORT:-7171}
BASE="http://127.0.0.1:$PORT"
SEED_POST="/2011/09/14/why-quality-social-networking-beats-quantity-every-time/"
JAR=blog-web/target/blog.jar
HEAP=-Xmx256m

fail() { echo "bench: $*" >&2; exit 1; }
for tool in java mvn curl awk wrk; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
if [ ! -f "$JAR" ] || [ "${BENCH_BUILD:-1}" = 1 ]; then
  echo "bench: building"
  mvn -q -B -DskipTests package
fi

WORK=$(mktemp -d)
BLOG_PID=""
cleanup() {
  [ -n "$BLOG_PID" ] && kill "$BLOG_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

run_blog() { # jar, data dir, extra env...
  local jar=$1 data=$2; shift 2
  env BLOG_DB_URL="jdbc:h2:file:$data/blog" BLOG_PORT="$PORT" BLOG_HOST=127.0.0.1 \
    BLOG_BASE_URL="$BASE" BLOG_AUTH_DEMO_ENABLED=false BLOG_LOG_ACCESS=OFF "$@" \
    java $HEAP -jar "$jar" >"$WORK/blog.log" 2>&1 &
  BLOG_PID=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" = 200 ] && return
    kill -0 "$BLOG_PID" 2>/dev/null || { cat "$WORK/blog.log"; fail "the blog did not start"; }
    sleep 0.05
  done
  fail "the blog did not answer within 30 s"
}

stop_blog() {
  kill -TERM "$BLOG_PID"; wait "$BLOG_PID" 2>/dev/null || true
  BLOG_PID=""
}

sql() { # jar, data dir, statement
  java -cp "$1" org.h2.tools.Shell -url "jdbc:h2:file:$2/blog" -user sa -sql "$3"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
scenario() { # name, jar, extra env...
  local name=$1 jar=$2; shift 2
  local data="$WORK/$name"
  mkdir -p "$data"
  echo "bench: $name: preparing"
  env BLOG_DB_URL="jdbc:h2:file:$data/blog" java -jar "$jar" generate --posts 1 --comments 210 >/dev/null
  # Flood limits relaxed by settings, as run.sh does: many readers commenting at once.
  sql "$jar" "$data" "MERGE INTO settings (name, setting_value) KEY (name) VALUES
     ('discussion.flood-seconds', '0'), ('discussion.min-seconds-to-submit', '0'),
     ('discussion.moderation', 'none'), ('discussion.max-links', '5')" >/dev/null
  local before; before=$(sql "$jar" "$data" "SELECT COUNT(*) FROM comments" | awk 'NR == 2 {print $1}')
  run_blog "$jar" "$data" "$@"
  local post; post=$(curl -s "$BASE/" | grep -o 'href="/20[0-9/]*[a-z0-9-]*/"' \
    | grep -v why-quality | head -1 | sed -e 's|^href="||' -e 's|"$||')
  [ -n "$post" ] || fail "no generated post on the home page"
  curl -s -c "$WORK/cookies" "$BASE$post" >/dev/null
  local bid; bid=$(awk '$6 ~ /blog_bid$/ {print $6 "=" $7}' "$WORK/cookies")
  echo "bench: $name: ${WARM}s of warm-up, then ${SECONDS_MEASURED}s measured"
  wrk -t1 -c8 -d"${WARM}s" "$BASE$SEED_POST" >/dev/null &
  local readers=$!
  wrk -t2 -c16 -d"${WARM}s" -s bench/comment.lua "$BASE" -- "$post" "$bid" >"$WORK/warm.txt"
  wait $readers
  wrk -t1 -c8 -d"${SECONDS_MEASURED}s" "$BASE$SEED_POST" >"$WORK/readers.txt" &
  readers=$!
  wrk -t2 -c16 -d"${SECONDS_MEASURED}s" --latency -s bench/comment.lua "$BASE" -- "$post" "$bid" \
    >"$WORK/comments.txt"
  wait $readers
  stop_blog
  local after; after=$(sql "$jar" "$data" "SELECT COUNT(*) FROM comments" | awk 'NR == 2 {print $1}')
  # H2's file after the run and a clean stop: without H2's background writer, nothing compacts
  # while the blog runs (it does on close); a file far larger than the baseline's would show it.
  local file_mib; file_mib=$(du -m "$data/blog.mv.db" | cut -f1)
  local warm_acc acc refused read_rps p99 per_second in_flight verdict
  warm_acc=$(awk -F'[= ]' '/^accepted=/ {print $2}' "$WORK/warm.txt")
  acc=$(awk -F'[= ]' '/^accepted=/ {print $2}' "$WORK/comments.txt")
  refused=$(awk -F'[= ]' '/^accepted=/ {print $4}' "$WORK/comments.txt")
  read_rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$WORK/readers.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/comments.txt")
  per_second=$(awk -v a="$acc" -v s="$SECONDS_MEASURED" 'BEGIN { printf "%.0f", a / s }')
  in_flight=$((after - before - warm_acc - acc))
  verdict=$([ "$in_flight" -ge 0 ] && [ "$in_flight" -le 32 ] && [ "$per_second" -ge 1000 ] \
    && echo pass || echo FAIL)
  echo "bench: $name: $per_second comments/s (p99 $p99), readers $read_rps/s, in flight $in_flight"
  ROWS+=("| $name | $per_second | $p99 | $refused | $read_rps | $in_flight | $file_mib | $verdict |")
}

if [ -n "${BENCH_BASELINE_JAR:-}" ]; then
  scenario baseline "$BENCH_BASELINE_JAR"
fi
scenario durable "$JAR"
scenario durable-fsync "$JAR" BLOG_DB_FSYNC=true

STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
OUT="bench/results/$STAMP-comments.md"
{
  echo "# Durable comments per second, $STAMP"
  echo
  echo "Commit $(git rev-parse --short HEAD) on $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), load average before: $LOAD_BEFORE."
  echo "16 connections post comments to a post with 200+ comments (bench/comment.lua) while 8 read the seed article, ${WARM} s of the same load first, then ${SECONDS_MEASURED} s measured; H2 embedded, -Xmx256m. Target: ≥ 1,000 comments/s with stored rows = accepted answers (+ at most those in flight)."
  echo
  echo "| run | comments/s | p99 | refused | readers/s | stored − accepted | file MiB | verdict |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "durable: the default; every comment is answered only once it is in the database file (survives kill -9)."
  echo "durable-fsync: db.fsync=true; answered once the disk has it (survives a power loss)."
  echo "file MiB: H2's file after the run and a clean stop. H2 keeps replaced data 45 s (RETENTION_TIME) so that a power loss cannot corrupt the file; every write that is acknowledged at once makes its own chunk, so a flood of comments grows the file by about the last 45 s of chunks; the space is reused afterwards."
  [ -n "${BENCH_BASELINE_JAR:-}" ] && echo "baseline: ${BENCH_BASELINE_LABEL:-an older jar}, measured the same way."
} >"$OUT"
echo "bench: wrote $OUT"
cat "$OUT"
