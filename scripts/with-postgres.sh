#!/usr/bin/env bash
# Runs CMD with a throwaway PostgreSQL server: initdb into a temporary folder, a server that
# listens only on a unix socket in that folder, one database, and DATELINE_TEST_PG set to
# its URL, so the store tests run against PostgreSQL too. The server is stopped and the
# folder removed when CMD ends (or fails, or is interrupted).
#
#   bash scripts/with-postgres.sh ctest --preset dev -R store
#
# Needs Debian's postgresql (the server binaries under /usr/lib/postgresql/N/bin). The server
# refuses to run as root: as root, it runs as the user `postgres` (created by the package).
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "usage: with-postgres.sh CMD [ARGS...]" >&2
  exit 2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries (apt-get install postgresql)" >&2
  exit 3
fi
dir=$(mktemp -d /tmp/dateline-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U dateline --auth=trust --encoding=UTF8 \
  --locale=C >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 3; }
# No TCP port (listen_addresses=''): the socket in $dir is the only way in, so parallel
# runs never collide on a port.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=50" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 3; }
"$bin/createdb" -h "$dir" -U dateline dateline_test
export DATELINE_TEST_PG="postgresql://dateline@/dateline_test?host=$dir"
echo "with-postgres: DATELINE_TEST_PG=$DATELINE_TEST_PG" >&2
status=0
"$@" || status=$?
exit "$status"
