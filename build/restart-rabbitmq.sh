#!/usr/bin/env bash
# Stops and starts this checkout's RabbitMQ application, as a broker restart would: every client
# connection drops, durable queues and persistent messages survive. Used by the fault tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
rabbit_dir="$CLEANRAG_STATE_DIR/rabbitmq"
ctl() {
  env RABBITMQ_NODENAME="$CLEANRAG_RABBIT_NODE" RABBITMQ_MNESIA_BASE="$rabbit_dir/mnesia" RABBITMQ_LOG_BASE="$rabbit_dir/log" \
    /usr/lib/rabbitmq/bin/rabbitmqctl -n "$CLEANRAG_RABBIT_NODE" -q "$@"
}
ctl stop_app >/dev/null
sleep "${CLEANRAG_BROKER_DOWN_SECONDS:-3}"
ctl start_app >/dev/null
ctl await_startup >/dev/null
