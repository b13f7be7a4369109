#!/usr/bin/env bash
# A throw-away PostgreSQL cluster of its own, for a fault test that restarts the database: the checkout's cluster
# (build/setup.sh) serves every test assembly at once, and restarting it would cut them all.
#
#   build/private-postgres.sh start DIR PORT   a new, empty cluster in DIR (whatever an earlier run left there is stopped
#                                              and wiped first) listening on 127.0.0.1:PORT, with the user and database
#                                              of build/env.sh
#   build/private-postgres.sh restart DIR      stops the server (fast: open sessions are cut), keeps it down for
#                                              CLEANRAG_DATABASE_DOWN_SECONDS (default 2), starts it again
#   build/private-postgres.sh stop DIR         stops the server at once and deletes DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

command=${1:?start, restart or stop}
dir=${2:?the cluster directory}
data="$dir/data"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# initdb and the server refuse to run as root; use the packaged 'postgres' account then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_ctl() { as_pg "$pg_bin/pg_ctl" -D "$data" "$@"; }
running() { [ -s "$data/PG_VERSION" ] && pg_ctl status >/dev/null 2>&1; }

stop_and_delete() {
  if running; then pg_ctl -m immediate -w -t 60 stop >/dev/null; fi
  rm -rf "$dir"
}

case "$command" in
  start)
    port=${3:?the port to listen on}
    stop_and_delete
    mkdir -p "$data" "$dir/socket"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    as_pg "$pg_bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
      --no-sync >/dev/null # thrown away after the test: its files need not reach the disk
    # The port and socket live in the configuration, so a restart (pg_ctl keeps no options of its own) finds them again.
    printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 200\n" \
      "$port" "$dir/socket" >> "$data/postgresql.conf"
    pg_ctl -l "$dir/server.log" -w -t 60 start >/dev/null
    psql() { as_pg "$pg_bin/psql" -h "$dir/socket" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
    psql -c "CREATE ROLE \"$CLEANRAG_DB_USER\" LOGIN PASSWORD '$CLEANRAG_DB_PASSWORD'" >/dev/null
    psql -c "CREATE DATABASE \"$CLEANRAG_DB_NAME\" OWNER \"$CLEANRAG_DB_USER\"" >/dev/null
    ;;
  restart)
    pg_ctl -m fast -w -t 60 stop >/dev/null
    sleep "${CLEANRAG_DATABASE_DOWN_SECONDS:-2}"
    pg_ctl -l "$dir/server.log" -w -t 60 start >/dev/null
    ;;
  stop)
    stop_and_delete
    ;;
  *)
    echo "usage: $0 start DIR PORT | restart DIR | stop DIR" >&2
    exit 2
    ;;
esac
