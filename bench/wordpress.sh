#!/usr/bin/env bash
# The peer, side by side (issue 27): WordPress from Debian's packages, served by nginx and PHP-FPM
# with MariaDB, all on 127.0.0.1, loaded with the blog's seed article and its two responses, and
# measured as bench/run.sh measures the blog. run.sh calls it when PEERS contains "wordpress":
#
#   bench/wordpress.sh install              installs the packages (fails if one cannot be installed)
#   bench/wordpress.sh measure RESULTS      sets WordPress up, measures it, writes KEY=value lines
#   bench/wordpress.sh report RESULTS SEED_RPS SEED_P99 COLD_RPS COLD_P99 COMMENTS_PER_SECOND SEED_BYTES
#                                           prints the report's section, the blog's figures given
#
# measure takes run.sh's wrk settings from the environment (DURATION, WARMUP, CONNECTIONS,
# COMMENT_SECONDS; defaults those of a full run) and BENCH_WP_PORT (7173). It leaves nothing
# running: its nginx, its PHP-FPM pool, its config file in /etc/wordpress, its database user and
# the database bench_wordpress (dropped and created again each run) go when it exits.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
COMMENT_SECONDS=${COMMENT_SECONDS:-30}
WP_PORT=${BENCH_WP_PORT:-7173}
# A MariaDB of our own, on this port, only if none answers at 127.0.0.1:3306.
WP_DB_PRIVATE_PORT=${BENCH_WP_DB_PORT:-7174}
# PHP-FPM workers: Debian's pool has at most 5 (pm = dynamic); a fixed four per core instead, so
# that 32 connections keep both cores busy while some workers wait on MariaDB.
WP_CHILDREN=${BENCH_WP_CHILDREN:-$(( 4 * $(nproc) ))}
# Comments on the post the writers write to, as on the blog's (bench/run.sh's BIG_POST).
WP_TARGET_COMMENTS=200
DB=bench_wordpress
WP_ROOT=/usr/share/wordpress
PACKAGES=(wordpress wordpress-theme-twentytwentythree php-fpm php-mysql)

fail() { echo "bench: wordpress: $*" >&2; exit 1; }

install_packages() {
  command -v nginx >/dev/null && command -v wrk >/dev/null || fail "nginx and wrk are needed (run.sh installs them)"
  if [ -f "$WP_ROOT/wp-settings.php" ] && [ -d "$WP_ROOT/wp-content/themes/twentytwentythree" ] \
    && compgen -c php-fpm >/dev/null \
    && [[ $'\n'"$(php -m 2>/dev/null)"$'\n' == *$'\nmysqli\n'* ]]; then
    return
  fi
  echo "bench: installing ${PACKAGES[*]}"
  # nginx answers for httpd and PHP-FPM for php: apache2 and its PHP module stay out (the latter
  # named after Debian's PHP version, 8.2 in bookworm).
  local php; php=$(apt-cache depends php-fpm 2>/dev/null \
    | awk '/Depends: php[0-9.]+-fpm/ { sub(/.*Depends: php/, ""); sub(/-fpm.*/, ""); print; exit }')
  local without=(apache2- libapache2-mod-php-)
  [ -n "$php" ] && without+=("libapache2-mod-php$php-")
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}" \
    "${without[@]}" >"${TMPDIR:-/tmp}/bench-wordpress-apt.log" 2>&1 \
    || { tail -5 "${TMPDIR:-/tmp}/bench-wordpress-apt.log" >&2
         fail "could not install ${PACKAGES[*]} with apt-get (log: ${TMPDIR:-/tmp}/bench-wordpress-apt.log)"; }
  [ -f "$WP_ROOT/wp-settings.php" ] || fail "the wordpress package is installed but $WP_ROOT is not there"
}

# wrk: requests per second, p50 and p99 in ms, non-2xx answers, after a warm-up (as run.sh's).
# With a timeout of 30 s rather than wrk's 2 s: wrk leaves answers slower than its timeout out of
# the percentiles, and WordPress's can take longer than 2 s under 32 connections on two cores.
WRK_TIMEOUT=30s
measure() { # url connections seconds
  local args=(-t2 -c"$2" --latency --timeout "$WRK_TIMEOUT")
  wrk "${args[@]}" -d"${WARMUP}s" "$1" >/dev/null
  idle
  wrk "${args[@]}" -d"$3s" "$1" | awk -f bench/wrk-summary.awk
}

# When wrk stops, PHP-FPM still runs the requests it had taken (nginx does not stop them): wait
# until only the status request itself is running, so that they do not count in the next
# measurement (or land in the comment count after it was read).
idle() {
  local active
  for _ in $(seq 1 300); do
    active=$(curl -s "http://127.0.0.1:$WP_PORT/fpm-status" | awk '/^active processes:/ { print $3 }')
    [ "$active" = 1 ] && return
    sleep 0.2
  done
  fail "PHP-FPM still busy 60 s after wrk stopped (active processes: ${active:-?})"
}

WORK=""
CONFIG_NAME=""
NGINX_PID=""
FPM_PID=""
MARIADB_PID=""
DB_USER_MADE=0
SQL=()
cleanup() {
  set +e
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; fi
  # QUIT: PHP-FPM's graceful stop (its workers finish their request).
  if [ -n "$FPM_PID" ]; then kill -QUIT "$FPM_PID" 2>/dev/null; wait "$FPM_PID" 2>/dev/null; fi
  [ -n "$CONFIG_NAME" ] && rm -f "/etc/wordpress/config-$CONFIG_NAME.php"
  if [ "$DB_USER_MADE" = 1 ] && [ "${BENCH_WP_KEEP:-0}" != 1 ]; then
    "${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB; DROP USER IF EXISTS '$DB'@'127.0.0.1'"
  fi
  if [ -n "$MARIADB_PID" ]; then kill "$MARIADB_PID" 2>/dev/null; wait "$MARIADB_PID" 2>/dev/null; fi
  [ -n "$WORK" ] && rm -rf "$WORK"
  return 0
}

# MariaDB at 127.0.0.1:3306 as root without a password, as on the benchmark's machines; else a
# server of our own in the work directory (installing mariadb-server if it is absent).
database() {
  SQL=(mariadb -h127.0.0.1 -P3306 -uroot --batch --skip-column-names)
  DB_PORT=3306
  if [ "${BENCH_WP_PRIVATE_DB:-0}" != 1 ] && "${SQL[@]}" -e 'SELECT 1' >/dev/null 2>&1; then
    return
  fi
  if ! command -v mariadbd >/dev/null && ! [ -x /usr/sbin/mariadbd ]; then
    echo "bench: installing mariadb-server"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server \
      >"$WORK/apt-mariadb.log" 2>&1 || fail "could not install mariadb-server with apt-get"
  fi
  echo "bench: starting a MariaDB of our own on 127.0.0.1:$WP_DB_PRIVATE_PORT"
  mkdir -p "$WORK/mysql"
  chown mysql: "$WORK/mysql" 2>/dev/null || true
  mariadb-install-db --user=mysql --datadir="$WORK/mysql" --auth-root-authentication-method=normal \
    >"$WORK/mariadb-install.log" 2>&1 || fail "mariadb-install-db failed (see $WORK/mariadb-install.log)"
  /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$WORK/mysql" --bind-address=127.0.0.1 \
    --port="$WP_DB_PRIVATE_PORT" --socket="$WORK/mysql/mysql.sock" --pid-file="$WORK/mysql/mysql.pid" \
    >"$WORK/mariadb.log" 2>&1 &
  MARIADB_PID=$!
  SQL=(mariadb -h127.0.0.1 -P"$WP_DB_PRIVATE_PORT" -uroot --batch --skip-column-names)
  DB_PORT=$WP_DB_PRIVATE_PORT
  for _ in $(seq 1 100); do
    "${SQL[@]}" -e 'SELECT 1' >/dev/null 2>&1 && return
    kill -0 "$MARIADB_PID" 2>/dev/null || { cat "$WORK/mariadb.log" >&2; fail "MariaDB did not start"; }
    sleep 0.2
  done
  fail "MariaDB did not answer within 20 s"
}

start_servers() {
  local fpm; fpm=$(compgen -c php-fpm | sort -V | tail -1)
  command -v "$fpm" >/dev/null || fail "no php-fpm binary"
  local owner=""
  [ "$(id -u)" = 0 ] && owner=$'user = www-data\ngroup = www-data\nlisten.owner = www-data\nlisten.group = www-data'
  cat >"$WORK/php-fpm.conf" <<EOF
[global]
pid = $WORK/php-fpm.pid
error_log = $WORK/php-fpm.log
[bench]
$owner
listen = $WORK/php-fpm.sock
listen.mode = 0666
pm = static
pm.max_children = $WP_CHILDREN
pm.status_path = /fpm-status
EOF
  "$fpm" --nodaemonize --fpm-config "$WORK/php-fpm.conf" >"$WORK/php-fpm.out" 2>&1 &
  FPM_PID=$!
  # nginx for WordPress, on 127.0.0.1 alone; pages go to index.php (permalinks).
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  server {
    listen 127.0.0.1:$WP_PORT;
    root $WP_ROOT;
    index index.php;
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location = /fpm-status {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_pass unix:$WORK/php-fpm.sock;
    }
    location ~ \.php\$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      # Debian's fastcgi_params pass \$host, without the port WordPress's own address has
      # (redirect_canonical then answers every page with a 301 to itself).
      fastcgi_param HTTP_HOST \$host:\$server_port;
      fastcgi_param WORDPRESS_CONFIG $CONFIG_NAME;
      fastcgi_pass unix:$WORK/php-fpm.sock;
    }
  }
}
EOF
  nginx -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  for _ in $(seq 1 100); do
    [ -S "$WORK/php-fpm.sock" ] && [ -f "$WORK/nginx/nginx.pid" ] && return
    kill -0 "$FPM_PID" 2>/dev/null || { cat "$WORK/php-fpm.out" "$WORK/php-fpm.log" >&2 2>/dev/null; fail "PHP-FPM did not start"; }
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx/error.log" >&2; fail "nginx did not start on 127.0.0.1:$WP_PORT"; }
    sleep 0.1
  done
  fail "PHP-FPM or nginx did not start within 10 s"
}

measure_wordpress() {
  local results=$1
  install_packages
  WORK=$(mktemp -d)
  chmod 755 "$WORK"   # nginx's workers reach PHP-FPM's socket in it
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  database
  local base="http://127.0.0.1:$WP_PORT"
  (echo >"/dev/tcp/127.0.0.1/$WP_PORT") 2>/dev/null && fail "127.0.0.1:$WP_PORT is taken (set BENCH_WP_PORT)"

  echo "bench: wordpress: database $DB, a user of its own"
  local password; password=$(head -c 18 /dev/urandom | base64 | tr '+/' 'xy')
  DB_USER_MADE=1
  "${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4;
    DROP USER IF EXISTS '$DB'@'127.0.0.1'; CREATE USER '$DB'@'127.0.0.1' IDENTIFIED BY '$password';
    GRANT ALL ON $DB.* TO '$DB'@'127.0.0.1'" || fail "could not create the database $DB"

  # Debian's wp-config.php reads /etc/wordpress/config-<WORDPRESS_CONFIG>.php (README.Debian);
  # ours exists while this runs. The must-use plugin lifts the flood and duplicate checks, as
  # run.sh relaxes the blog's limits by settings.
  CONFIG_NAME="bench-wordpress-$$"
  mkdir -p "$WORK/mu-plugins"
  cat >"$WORK/mu-plugins/bench.php" <<'EOF'
<?php
// The benchmark's comment writers post many comments a second from one address.
add_filter('comment_flood_filter', '__return_false', 99);
add_filter('duplicate_comment_id', '__return_false');
EOF
  ( umask 027
    cat >"/etc/wordpress/config-$CONFIG_NAME.php" <<EOF
<?php
define('DB_NAME', '$DB');
define('DB_USER', '$DB');
define('DB_PASSWORD', '$password');
define('DB_HOST', '127.0.0.1:$DB_PORT');
define('WP_HOME', '$base');
define('WP_SITEURL', '$base');
define('WPMU_PLUGIN_DIR', '$WORK/mu-plugins');
EOF
  ) || fail "cannot write /etc/wordpress/config-$CONFIG_NAME.php"
  [ "$(id -u)" = 0 ] && chgrp www-data "/etc/wordpress/config-$CONFIG_NAME.php"

  echo "bench: wordpress: installing the site and the seed article"
  local setup
  setup=$(php bench/wordpress-setup.php "$CONFIG_NAME" "$base" "$PWD" "$WP_TARGET_COMMENTS" 2>"$WORK/setup.err") \
    || { cat "$WORK/setup.err" >&2; fail "WordPress's install failed"; }
  local seed target
  seed=$(sed -n 's/^seed=//p' <<<"$setup")
  target=$(sed -n 's/^target=//p' <<<"$setup")
  [ -n "$seed" ] && [ -n "$target" ] || fail "the setup printed no seed article ($setup)"

  start_servers
  curl -s -D "$WORK/seed.headers" -o "$WORK/seed.html" -w '%{http_code}' "$base$seed" >"$WORK/seed.status"
  [ "$(cat "$WORK/seed.status")" = 200 ] \
    || { cat "$WORK/seed.headers" >&2; head -c 2000 "$WORK/seed.html" >&2; fail "$base$seed answers $(cat "$WORK/seed.status"), not 200"; }
  grep -q 'Why quality social networking' "$WORK/seed.html" && grep -q 'As a newbie' "$WORK/seed.html" \
    && grep -q 'I am with you' "$WORK/seed.html" || fail "$base$seed lacks the article or its two responses"
  local page_bytes; page_bytes=$(wc -c <"$WORK/seed.html")

  echo "bench: wordpress: the seed article ($CONNECTIONS connections, ${WARMUP}s + ${DURATION}s)"
  local rps p50 p99 bad
  read -r rps p50 p99 bad < <(measure "$base$seed" "$CONNECTIONS" "$DURATION")
  echo "bench: wordpress: seed article $rps/s p99 $p99 ms, $bad non-2xx"

  echo "bench: wordpress: comment submissions (${WARMUP}s + ${COMMENT_SECONDS}s)"
  count() { "${SQL[@]}" -e "SELECT COUNT(*) FROM $DB.wp_comments"; }
  idle
  local before; before=$(count)
  # As run.sh: 16 connections post comments while 8 read the seed article; a warm-up first (PHP
  # compiles nothing while it runs: opcache holds each script from its first request).
  wrk -t1 -c8 -d"${WARMUP}s" --timeout "$WRK_TIMEOUT" "$base$seed" >/dev/null &
  local readers=$!
  wrk -t2 -c16 -d"${WARMUP}s" --timeout "$WRK_TIMEOUT" -s bench/wordpress-comment.lua "$base" -- "$target" >"$WORK/warm.txt"
  wait $readers
  idle
  wrk -t1 -c8 -d"${COMMENT_SECONDS}s" --timeout "$WRK_TIMEOUT" "$base$seed" >"$WORK/readers.txt" &
  readers=$!
  wrk -t2 -c16 -d"${COMMENT_SECONDS}s" --timeout "$WRK_TIMEOUT" --latency -s bench/wordpress-comment.lua "$base" -- "$target" \
    >"$WORK/comments.txt"
  wait $readers
  idle
  local after; after=$(count)
  local warm_acc acc refused read_rps c_p99 per_second in_flight
  warm_acc=$(awk -F'[= ]' '/^accepted=/ {print $2}' "$WORK/warm.txt")
  acc=$(awk -F'[= ]' '/^accepted=/ {print $2}' "$WORK/comments.txt")
  refused=$(awk -F'[= ]' '/^accepted=/ {print $4}' "$WORK/comments.txt")
  read_rps=$(awk '/Requests\/sec/ { printf($2 < 10 ? "%.1f" : "%.0f", $2) }' "$WORK/readers.txt")
  c_p99=$(awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +99%/ { printf "%.2f", ms($2) }' "$WORK/comments.txt")
  per_second=$(awk -v a="$acc" -v s="$COMMENT_SECONDS" 'BEGIN { printf(a / s < 10 ? "%.1f" : "%.0f", a / s) }')
  in_flight=$((after - before - warm_acc - acc))
  [ "$in_flight" -ge 0 ] && [ "$in_flight" -le 32 ] \
    || fail "stored comments ($((after - before))) do not match accepted answers ($((warm_acc + acc)))"
  echo "bench: wordpress: $per_second comments/s (p99 $c_p99 ms), $refused refused, readers $read_rps/s"

  {
    echo "WP_DURATION=$DURATION WP_WARMUP=$WARMUP WP_CONNECTIONS=$CONNECTIONS WP_COMMENT_SECONDS=$COMMENT_SECONDS"
    echo "WP_VERSION=$(dpkg-query -W -f='${Version}' wordpress)"
    echo "WP_PHP=$(php -r 'echo PHP_VERSION;')"
    echo "WP_MARIADB=$("${SQL[@]}" -e 'SELECT VERSION()' | cut -d- -f1)"
    echo "WP_CHILDREN=$WP_CHILDREN"
    echo "WP_PAGE_BYTES=$page_bytes"
    echo "WP_RPS=$rps"
    echo "WP_P50=$p50"
    echo "WP_P99=$p99"
    echo "WP_BAD=$bad"
    echo "WP_COMMENTS_PER_SECOND=$per_second"
    echo "WP_COMMENT_P99=$c_p99"
    echo "WP_ACCEPTED=$acc"
    echo "WP_WARM_ACCEPTED=$warm_acc"
    echo "WP_STORED=$((after - before))"
    echo "WP_REFUSED=$refused"
    echo "WP_READ_RPS=$read_rps"
  } >"$results"
}

# The report's section: the blog's figures from the same run against WordPress's.
report() { # results, seed rps, seed p99, cold rps, cold p99, comments per second, seed page bytes
  # shellcheck disable=SC1090
  . "$1"
  times() { awk -v b="$1" -v w="$2" 'BEGIN { if (w <= 0) print "–"; else if (b / w < 10) printf "%.1f×", b / w; else printf "%.0f×", b / w }'; }
  echo "## The peer: WordPress on this machine"
  echo
  echo "WordPress $WP_VERSION from Debian's packages as installed (theme Twenty Twenty-Three, no page cache plugin, opcache on), PHP $WP_PHP through PHP-FPM ($WP_CHILDREN workers, pm = static), MariaDB $WP_MARIADB, behind nginx (2 workers), all on 127.0.0.1 and measured in this run after the blog, with the same wrk settings (2 threads, $WP_CONNECTIONS connections, ${WP_DURATION}s after ${WP_WARMUP}s warm-up; its timeout raised from 2 s to 30 s, as wrk leaves slower answers out of the percentiles). It holds the blog's seed article with its two responses at the same permalink ($WP_PAGE_BYTES bytes as WordPress draws it, $7 as the blog does). Comments: 16 connections post WordPress's comment form to /wp-comments-post.php (a post with $WP_TARGET_COMMENTS comments, as the blog's writers post to one with ~200) while 8 read the seed article, ${WP_WARMUP}s of warm-up then ${WP_COMMENT_SECONDS}s measured (PHP needs no JIT warm-up); moderation, flood and duplicate checks off as on the blog; an accepted comment is a 302 to it. $WP_STORED rows stored for $((WP_WARM_ACCEPTED + WP_ACCEPTED)) accepted (the difference, at most 32, is the requests wrk left running when it stopped, which PHP-FPM finished before the count; every measurement began once PHP-FPM was idle)."
  echo
  echo "| | blog req/s | blog p99 ms | WordPress req/s | WordPress p99 ms | blog / WordPress |"
  echo "|---|---|---|---|---|---|"
  echo "| seed article, page cache on (seed-post) | $2 | $3 | $WP_RPS | $WP_P99 | $(times "$2" "$WP_RPS") |"
  echo "| seed article, page cache off (cold-seed-post) | $4 | $5 | $WP_RPS | $WP_P99 | $(times "$4" "$WP_RPS") |"
  echo "| comments accepted per second | $6 | – | $WP_COMMENTS_PER_SECOND | $WP_COMMENT_P99 | $(times "$6" "$WP_COMMENTS_PER_SECOND") |"
  echo
  echo "On this machine the blog serves its seed article at **$(times "$2" "$WP_RPS") WordPress** ($(times "$4" "$WP_RPS") with its page cache off) and accepts comments at **$(times "$6" "$WP_COMMENTS_PER_SECOND") WordPress**. WordPress's non-2xx answers: $WP_BAD on the article, $WP_REFUSED comments refused; its readers got $WP_READ_RPS req/s while the comments were posted."
}

case "${1:-}" in
  install) install_packages ;;
  measure) [ -n "${2:-}" ] || fail "usage: $0 measure RESULTS"; measure_wordpress "$2" ;;
  report) [ $# = 8 ] || fail "usage: $0 report RESULTS SEED_RPS SEED_P99 COLD_RPS COLD_P99 COMMENTS_PER_SECOND SEED_BYTES"
    shift; report "$@" ;;
  *) fail "usage: $0 install | measure RESULTS | report RESULTS SEED_RPS SEED_P99 COLD_RPS COLD_P99 COMMENTS_PER_SECOND SEED_BYTES" ;;
esac
