#!/usr/bin/env bash
# Idempotent set-up of the real services CleanRag needs: PostgreSQL 15 and RabbitMQ (and Chromium for the
# widget's browser tests, aiosmtpd for the mail tests). Installs them from Debian packages when missing, starts a
# private cluster/node for this checkout (no systemd needed), creates users, databases and vhosts, waits until both accept connections,
# and prints the connection settings. Safe to run any number of times.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log() { printf '[setup] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  # The widget's browser tests drive Debian's Chromium through Playwright (no browser download).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # The mail tests deliver through MailKit to a local SMTP sink (aiosmtpd's Maildir handler).
  [ -d /usr/lib/python3/dist-packages/aiosmtpd ] || missing+=(python3-aiosmtpd)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq
  # policy-rc.d may refuse to start the packaged services; we start our own instances below.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

wait_for_port() { # port, what, seconds
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && { log "$2 did not open port $1 within $3 s"; return 1; }
    sleep 0.5
  done
}

# ---- PostgreSQL: a private cluster under the state directory ----------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pg_data="$CLEANRAG_STATE_DIR/postgres/data"
pg_socket="$CLEANRAG_STATE_DIR/postgres/socket"

# initdb and the server refuse to run as root; use the packaged 'postgres' account then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

psql_admin() { as_pg psql -h "$pg_socket" -p "$CLEANRAG_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# Earlier versions kept the state under /var/tmp and ran PostgreSQL with fsync=off. Their servers are stopped
# (they hold this checkout's ports) and their state moved here, since the event store is the audit log.
move_legacy_state() {
  local legacy="$CLEANRAG_LEGACY_STATE_DIR"
  [ "$legacy" != "$CLEANRAG_STATE_DIR" ] && [ -d "$legacy" ] || return 0
  if as_pg "$pg_bin/pg_ctl" -D "$legacy/postgres/data" status >/dev/null 2>&1; then
    log "stopping the PostgreSQL cluster of an earlier setup in $legacy"
    as_pg "$pg_bin/pg_ctl" -D "$legacy/postgres/data" -m fast -w -t 60 stop >/dev/null
  fi
  local rabbit_pid="$legacy/rabbitmq/rabbit.pid"
  if [ -s "$rabbit_pid" ] && kill -0 "$(cat "$rabbit_pid")" 2>/dev/null; then
    log "stopping the RabbitMQ node of an earlier setup in $legacy"
    /usr/lib/rabbitmq/bin/rabbitmqctl -n "$CLEANRAG_RABBIT_NODE" -q stop "$rabbit_pid" >/dev/null
  fi
  sync # fsync was off: the stopped cluster's files reach the disk before they move
  if [ -e "$CLEANRAG_STATE_DIR" ]; then
    log "not moving $legacy (state of an earlier setup): $CLEANRAG_STATE_DIR exists; delete the old one when it is no longer needed"
    return 0
  fi
  log "moving the state of an earlier setup (database, broker) from $legacy to $CLEANRAG_STATE_DIR"
  mkdir -p "$(dirname "$CLEANRAG_STATE_DIR")"
  mv "$legacy" "$CLEANRAG_STATE_DIR"
}

# Durable: fsync and synchronous_commit keep their defaults (on). Only the test databases trade durability for
# speed, per database (see create_postgres_objects).
pg_start() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$CLEANRAG_STATE_DIR/postgres/server.log" -w -t 60 \
    -o "-p $CLEANRAG_PG_PORT -k $pg_socket -c listen_addresses=127.0.0.1 -c max_connections=300" \
    start >/dev/null
}

start_postgres() {
  mkdir -p "$pg_data" "$pg_socket"
  # The server runs as 'postgres' when we are root: it must be able to reach its directories.
  [ "$(id -u)" = 0 ] && chmod a+x "$CLEANRAG_STATE_DIR" && chown -R postgres:postgres "$CLEANRAG_STATE_DIR/postgres"
  if [ ! -s "$pg_data/PG_VERSION" ]; then
    log "initialising a new PostgreSQL cluster in $pg_data"
    as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$CLEANRAG_PG_PORT"
    pg_start
  elif [ "$(psql_admin -c "SELECT current_setting('fsync') || ',' || current_setting('synchronous_commit')")" != on,on ]; then
    log "restarting PostgreSQL durable (it was started by an earlier setup with fsync=off, synchronous_commit=off)"
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 60 stop >/dev/null
    sync
    pg_start
  fi
  wait_for_port "$CLEANRAG_PG_PORT" PostgreSQL 60
}

ensure_database() { # name
  if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" ]; then
    psql_admin -c "CREATE DATABASE \"$1\" OWNER \"$CLEANRAG_DB_USER\"" >/dev/null
  fi
}

create_postgres_objects() {
  if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$CLEANRAG_DB_USER'")" ]; then
    psql_admin -c "CREATE ROLE \"$CLEANRAG_DB_USER\" LOGIN PASSWORD '$CLEANRAG_DB_PASSWORD'" >/dev/null
  fi
  ensure_database "$CLEANRAG_DB_NAME"
  for target in "${CLEANRAG_TEST_TARGETS[@]}"; do
    ensure_database "${CLEANRAG_DB_NAME}_test_$target"
    # Test data is disposable: commits need not wait for the disk (a crash may lose the last moments, never corrupt).
    psql_admin -c "ALTER DATABASE \"${CLEANRAG_DB_NAME}_test_$target\" SET synchronous_commit = off" >/dev/null
  done
}

# ---- RabbitMQ: a private node under the state directory ---------------------------------------
rabbit_dir="$CLEANRAG_STATE_DIR/rabbitmq"
rabbit_env() {
  env RABBITMQ_NODENAME="$CLEANRAG_RABBIT_NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$CLEANRAG_AMQP_PORT" RABBITMQ_DIST_PORT="$CLEANRAG_RABBIT_DIST_PORT" \
    RABBITMQ_MNESIA_BASE="$rabbit_dir/mnesia" RABBITMQ_LOG_BASE="$rabbit_dir/log" \
    RABBITMQ_PID_FILE="$rabbit_dir/rabbit.pid" RABBITMQ_ENABLED_PLUGINS_FILE="$rabbit_dir/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$rabbit_dir/rabbitmq" RABBITMQ_ADVANCED_CONFIG_FILE="$rabbit_dir/advanced.config" \
    "$@"
}
rabbitmqctl() { rabbit_env /usr/lib/rabbitmq/bin/rabbitmqctl -n "$CLEANRAG_RABBIT_NODE" -q "$@"; }

start_rabbitmq() {
  mkdir -p "$rabbit_dir/mnesia" "$rabbit_dir/log"
  [ -f "$rabbit_dir/enabled_plugins" ] || echo '[].' > "$rabbit_dir/enabled_plugins"
  [ -f "$rabbit_dir/rabbitmq.conf" ] || printf 'loopback_users = none\n' > "$rabbit_dir/rabbitmq.conf"
  [ -f "$rabbit_dir/advanced.config" ] || echo '[].' > "$rabbit_dir/advanced.config"
  if ! rabbitmqctl status >/dev/null 2>&1; then
    log "starting RabbitMQ node $CLEANRAG_RABBIT_NODE on 127.0.0.1:$CLEANRAG_AMQP_PORT"
    (cd "$rabbit_dir" && rabbit_env /usr/lib/rabbitmq/bin/rabbitmq-server -detached >/dev/null 2>&1)
  fi
  wait_for_port "$CLEANRAG_AMQP_PORT" RabbitMQ 90
  rabbitmqctl await_startup >/dev/null
}

create_rabbitmq_objects() {
  if ! rabbitmqctl list_users | grep -q "^$CLEANRAG_AMQP_USER\b"; then
    rabbitmqctl add_user "$CLEANRAG_AMQP_USER" "$CLEANRAG_AMQP_PASSWORD" >/dev/null
  fi
  local vhosts=(cleanrag)
  for target in "${CLEANRAG_TEST_TARGETS[@]}"; do vhosts+=("cleanrag_test_$target"); done
  for vhost in "${vhosts[@]}"; do
    rabbitmqctl list_vhosts | grep -qx "$vhost" || rabbitmqctl add_vhost "$vhost" >/dev/null
    rabbitmqctl set_permissions -p "$vhost" "$CLEANRAG_AMQP_USER" '.*' '.*' '.*' >/dev/null
  done
}

# build/test.sh asks for this: every test run starts from empty test databases, vhosts and data directories, as on
# a new machine, instead of inheriting (and re-indexing at start-up) what earlier runs left.
reset_test_state() {
  [ "${CLEANRAG_FRESH_TEST_STATE:-0}" = 1 ] || return 0
  for target in "${CLEANRAG_TEST_TARGETS[@]}"; do
    psql_admin -c "DROP DATABASE IF EXISTS \"${CLEANRAG_DB_NAME}_test_$target\" WITH (FORCE)" >/dev/null
    rabbitmqctl list_vhosts | grep -qx "cleanrag_test_$target" && rabbitmqctl delete_vhost "cleanrag_test_$target" >/dev/null
  done
  # A private cluster a crashed fault test left running (build/private-postgres.sh) is stopped before its files go.
  for cluster in "$CLEANRAG_STATE_DIR"/test-data/*/postgres; do
    [ -d "$cluster" ] && "$CLEANRAG_ROOT/build/private-postgres.sh" stop "$cluster"
  done
  rm -rf "$CLEANRAG_STATE_DIR/test-data"
}

install_packages
move_legacy_state
start_postgres
start_rabbitmq
reset_test_state
create_postgres_objects
create_rabbitmq_objects

cat <<TXT
PostgreSQL  127.0.0.1:$CLEANRAG_PG_PORT  database $CLEANRAG_DB_NAME (tests: ${CLEANRAG_DB_NAME}_test_*)  user $CLEANRAG_DB_USER
RabbitMQ    127.0.0.1:$CLEANRAG_AMQP_PORT  vhost cleanrag (tests: cleanrag_test_*)  user $CLEANRAG_AMQP_USER
State       $CLEANRAG_STATE_DIR
ConnectionStrings__Postgres=$ConnectionStrings__Postgres
RabbitMq__Host=$RabbitMq__Host RabbitMq__Port=$RabbitMq__Port RabbitMq__VirtualHost=$RabbitMq__VirtualHost
TXT
