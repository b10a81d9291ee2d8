# Sourced by .ci/run: a throw-away PostgreSQL server for the PostgreSQL store's tests.
# Installs Debian's postgresql (server + contrib, which has pg_trgm) when missing,
# runs initdb as the postgres user in a temporary folder, starts it on a free
# loopback port with password authentication, creates a role and a database, and
# exports KAZLIT_TEST_POSTGRES and KAZLIT_REQUIRE_POSTGRES=1 (so those tests fail
# instead of skipping). The server is stopped when .ci/run exits.
kazlit_pg_start() {
  local bin pgdata port password log locale_opt
  if [ -n "${KAZLIT_TEST_POSTGRES:-}" ]; then
    echo "kazlit CI: using the PostgreSQL server in KAZLIT_TEST_POSTGRES"
    export KAZLIT_REQUIRE_POSTGRES=1
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "kazlit CI: not root on Debian: the PostgreSQL tests will skip"
    return 0
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -f "$bin/../lib/pg_trgm.so" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      postgresql postgresql-contrib >/dev/null) || return 1
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  pgdata=$(mktemp -d /tmp/kazlit-ci-pg.XXXXXX)
  chown postgres "$pgdata"
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  log="$pgdata/server.log"
  # A UTF-8 LC_CTYPE (C.UTF-8 is in every Debian) gives the store its "wide" keys;
  # without one it falls back to ASCII keys (tests cover both).
  locale_opt=--locale=C.UTF-8
  locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || locale_opt=--no-locale
  runuser -u postgres -- "$bin/initdb" -D "$pgdata/data" -U postgres -E UTF8 $locale_opt \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null || return 1
  runuser -u postgres -- "$bin/pg_ctl" -D "$pgdata/data" -l "$log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdata -c fsync=off" start >/dev/null || {
    cat "$log"; return 1; }
  runuser -u postgres -- "$bin/psql" -h "$pgdata" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE kazlit LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE kazlit_test OWNER kazlit" >/dev/null || return 1
  KAZLIT_PG_BIN=$bin KAZLIT_PG_DIR=$pgdata
  export KAZLIT_TEST_POSTGRES="postgresql://kazlit:$password@127.0.0.1:$port/kazlit_test"
  export KAZLIT_REQUIRE_POSTGRES=1
  echo "kazlit CI: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# Stop the server and remove its folder (run from .ci/run's EXIT trap).
kazlit_pg_stop() {
  if [ -n "${KAZLIT_PG_DIR:-}" ]; then
    runuser -u postgres -- "$KAZLIT_PG_BIN/pg_ctl" -D "$KAZLIT_PG_DIR/data" -m fast stop \
      >/dev/null 2>&1 || true
    rm -rf "$KAZLIT_PG_DIR"
  fi
}
