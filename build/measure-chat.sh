#!/usr/bin/env bash
# Chat under load, per embedder (docs/benchmarks.md, "Chat under load, per request"):
#   build/measure-chat.sh local hashing
# For each embedder named: starts this checkout's Release API with it (on $CLEANRAG_BENCH_URL, default
# http://127.0.0.1:5438), indexes 500 SciFact abstracts into a new project and times single requests
# (tools/ChatLoad), waits for the ingestion's events to be handled, then runs 32 clients for 60 s on that project and
# prints, per request, the API's CPU time and allocated bytes (its System.Runtime meters on /metrics) and
# this checkout's PostgreSQL's and RabbitMQ's CPU time (their servers only: other checkouts' do not count). Run it on a
# fresh checkout state: at start the API re-embeds every existing project into the embedder named. To compare another
# build on the same servers: CLEANRAG_BENCH_API_DIR=<its src/Api/bin/Release/net10.0> build/measure-chat.sh hashing
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CLEANRAG_ROOT"
url="${CLEANRAG_BENCH_URL:-http://127.0.0.1:5438}"
dataset="${CLEANRAG_SCIFACT:-../shared/datasets/scifact}"
[ -f "$dataset/corpus.jsonl" ] || { echo "SciFact not found at $dataset: nothing measured."; exit 0; }
build/setup.sh >/dev/null
dotnet build -c Release src/Api -v q >/dev/null
dotnet build -c Release tools/ChatLoad -v q >/dev/null
api_dir="${CLEANRAG_BENCH_API_DIR:-$CLEANRAG_ROOT/src/Api/bin/Release/net10.0}" # another build to compare with
chat_load() { dotnet tools/ChatLoad/bin/Release/net10.0/CleanRag.ChatLoad.dll "$dataset" --url "$url" --docs 500 "$@" 2>&1; }
metric() { curl -s "$url/metrics" | awk -v m="$1" '$1 ~ "^"m { s += $2 } END { printf "%.6f", s }'; }
ticks() { # user + system clock ticks of these processes (and, with -c, of their children that have been waited for)
  local fields='$14 + $15' total=0 p
  [ "$1" = -c ] && { fields='$14 + $15 + $16 + $17'; shift; }
  for p in "$@"; do total=$((total + $(awk "{ print $fields }" "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
# Other checkouts run their own servers on this machine: only this checkout's count. PostgreSQL: the postmaster of
# its cluster (with its exited backends, which it reaps) and its live children.
postgres_ticks() {
  local postmaster
  postmaster=$(head -1 "$CLEANRAG_STATE_DIR/postgres/data/postmaster.pid")
  echo $(( $(ticks -c "$postmaster") + $(ticks $(pgrep -P "$postmaster")) ))
}
# RabbitMQ: the node's beam.smp (the server, not a rabbitmqctl), found by the node name in its environment.
rabbitmq_ticks() {
  local p server=()
  for p in $(pgrep -x beam.smp); do
    grep -qxzF "RABBITMQ_NODENAME=$CLEANRAG_RABBIT_NODE" "/proc/$p/environ" 2>/dev/null &&
      [[ $(tr '\0' ' ' < "/proc/$p/cmdline") == *"-s rabbit boot"* ]] && server+=("$p")
  done
  ticks -c "${server[@]}"
}
stop_api() { [ -n "${api_pid:-}" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true; }
trap stop_api EXIT

for embedder in "$@"; do
  (cd "$api_dir" && ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production AI__Embeddings__Provider="$embedder" \
    exec dotnet CleanRag.Api.dll > "$CLEANRAG_STATE_DIR/measure-chat-$embedder.log" 2>&1) &
  api_pid=$!
  until curl -sf -m 3 "$url/health" >/dev/null; do sleep 2; done
  echo "=== $embedder: $(curl -s "$url/health" | grep -o '"model":"[^"]*"')"
  chat_load --seconds 5 --single 100 | grep -E "^ingestion|SSE|JSON"
  sleep 30 # the consumers of the ingestion's events finish
  allocated=$(metric dotnet_gc_heap_total_allocated_bytes_total); cpu=$(metric dotnet_process_cpu_time_seconds_total)
  postgres=$(postgres_ticks); rabbitmq=$(rabbitmq_ticks); load="$(cut -d' ' -f1 /proc/loadavg)"
  out=$(chat_load --seconds 60 --single 0 --reuse)
  echo "$out" | grep -E "^load|latency p50|conversations"
  requests=$(echo "$out" | grep -o '[0-9]* requests,' | head -1 | grep -o '[0-9]*')
  awk -v n="$requests" -v a="$(metric dotnet_gc_heap_total_allocated_bytes_total)" -v a0="$allocated" \
      -v c="$(metric dotnet_process_cpu_time_seconds_total)" -v c0="$cpu" -v p=$(( $(postgres_ticks) - postgres )) \
      -v r=$(( $(rabbitmq_ticks) - rabbitmq )) -v hz="$(getconf CLK_TCK)" -v l0="$load" -v l1="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "per request: API CPU %.2f ms, PostgreSQL CPU %.2f ms, RabbitMQ CPU %.2f ms, API allocations %.0f KB (load %s → %s)\n",
      (c - c0) * 1000 / n, p * 1000 / hz / n, r * 1000 / hz / n, (a - a0) / 1024 / n, l0, l1 }'
  stop_api
done
