#!/usr/bin/env bash
# Shared settings for the build/ scripts. Sourced, not run.
#
# Every checkout gets its own PostgreSQL cluster and RabbitMQ node, with ports and a state
# directory derived from the checkout's path, so two checkouts on one machine never clash.
# Any value can be overridden by exporting it before calling a script.

CLEANRAG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkout_id=$(printf '%s' "$CLEANRAG_ROOT" | cksum | cut -d' ' -f1)
port_offset=$((checkout_id % 500))

# The state (database cluster = the audit log, broker, uploaded files, indexes, keys) lives outside the work tree,
# where git clean cannot reach it, and outside /var/tmp. Earlier versions kept it in CLEANRAG_LEGACY_STATE_DIR;
# setup.sh moves it from there.
if [ "$(id -u)" = 0 ]; then state_root=/var/lib/cleanrag; else state_root="${XDG_STATE_HOME:-$HOME/.local/state}/cleanrag"; fi
: "${CLEANRAG_STATE_DIR:=$state_root/$checkout_id}"
CLEANRAG_LEGACY_STATE_DIR=/var/tmp/cleanrag-$checkout_id
: "${CLEANRAG_PG_PORT:=$((25432 + port_offset))}"
: "${CLEANRAG_AMQP_PORT:=$((26672 + port_offset))}"
: "${CLEANRAG_RABBIT_DIST_PORT:=$((27672 + port_offset))}"
: "${CLEANRAG_RABBIT_NODE:=cleanrag-$checkout_id@localhost}"
: "${CLEANRAG_DB_USER:=cleanrag}"
: "${CLEANRAG_DB_PASSWORD:=cleanrag}"
: "${CLEANRAG_DB_NAME:=cleanrag}"
: "${CLEANRAG_AMQP_USER:=cleanrag}"
: "${CLEANRAG_AMQP_PASSWORD:=cleanrag}"
: "${CLEANRAG_HTTP_URL:=http://127.0.0.1:5080}"

# Test assemblies run in parallel: each gets its own database and vhost.
# (api_model: a second API host with a remote chat model; the embedded search index is per process, so it
# cannot share the first host's database, bus and data directory; api_local_model: a host embedding with the local model;
# api_reembedding: hosts restarted with another embedding model; api_accounts: an invite-only host mailing through SMTP;
# api_scaleout: two API instances on one database and broker; api_telemetry: a host exporting to an OTLP receiver;
# api_backup: a deployment backed up, wiped and restored; api_kill: API processes killed with SIGKILL;
# api_database_restart: an API process on a PostgreSQL cluster of its own (build/private-postgres.sh) that is restarted;
# widget: the API the browser tests drive on Kestrel.)
CLEANRAG_TEST_TARGETS=(infrastructure api api_model api_local_model api_reembedding api_accounts api_scaleout api_telemetry api_backup api_kill api_database_restart eval widget)

export CLEANRAG_ROOT CLEANRAG_STATE_DIR CLEANRAG_LEGACY_STATE_DIR CLEANRAG_PG_PORT CLEANRAG_AMQP_PORT CLEANRAG_RABBIT_DIST_PORT \
  CLEANRAG_RABBIT_NODE CLEANRAG_DB_USER CLEANRAG_DB_PASSWORD CLEANRAG_DB_NAME CLEANRAG_AMQP_USER \
  CLEANRAG_AMQP_PASSWORD CLEANRAG_HTTP_URL

# The application reads these (see README, "Configuration").
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$CLEANRAG_PG_PORT;Database=$CLEANRAG_DB_NAME;Username=$CLEANRAG_DB_USER;Password=$CLEANRAG_DB_PASSWORD"
: "${Data__Directory:=$CLEANRAG_STATE_DIR/data}"
export Data__Directory
export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$CLEANRAG_AMQP_PORT RabbitMq__VirtualHost=cleanrag \
  RabbitMq__Username=$CLEANRAG_AMQP_USER RabbitMq__Password=$CLEANRAG_AMQP_PASSWORD
