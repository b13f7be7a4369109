#!/usr/bin/env bash
# Chat under load, per embedder (docs/benchmarks.md, "Chat under load, per request"):
#   build/measure-chat.sh local hashing
# For each embedder named: starts this checkout's Release API with it (on $CLEANRAG_BENCH_URL, default
# http://127.0.0.1:5438), indexes 500 SciFact abstracts into a new project and times single requests
# (tools/ChatLoad), waits for the ingestion's events to be handled, then runs 32 clients for 60 s on that project and
# prints, per request, the API's CPU time and allocated bytes (its System.Runtime meters on /metrics) and
# PostgreSQL's and RabbitMQ's CPU time (all their processes on the machine: run it on a quiet machine). Run it on a
# fresh checkout state: at start the API re-embeds every existing project into the embedder named.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CLEANRAG_ROOT"
url="${CLEANRAG_BENCH_URL:-http://127.0.0.1:5438}"
dataset="${CLEANRAG_SCIFACT:-../shared/datasets/scifact}"
[ -f "$dataset/corpus.jsonl" ] || { echo "SciFact not found at $dataset: nothing measured."; exit 0; }
build/setup.sh >/dev/null
dotnet build -c Release src/Api -v q >/dev/null
dotnet build -c Release tools/ChatLoad -v q >/dev/null
api_dir="$CLEANRAG_ROOT/src/Api/bin/Release/net10.0"
chat_load() { dotnet tools/ChatLoad/bin/Release/net10.0/CleanRag.ChatLoad.dll "$dataset" --url "$url" --docs 500 "$@" 2>&1; }
metric() { curl -s "$url/metrics" | awk -v m="$1" '$1 ~ "^"m { s += $2 } END { printf "%.6f", s }'; }
cpu_ticks() { # user + system clock ticks of every process with this name
  local total=0 p
  for p in $(pgrep -x "$1"); do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$total"
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
  postgres=$(cpu_ticks postgres); rabbitmq=$(cpu_ticks beam.smp); load="$(cut -d' ' -f1 /proc/loadavg)"
  out=$(chat_load --seconds 60 --single 0 --reuse)
  echo "$out" | grep -E "^load|latency p50|conversations"
  requests=$(echo "$out" | grep -o '[0-9]* requests,' | head -1 | grep -o '[0-9]*')
  awk -v n="$requests" -v a="$(metric dotnet_gc_heap_total_allocated_bytes_total)" -v a0="$allocated" \
      -v c="$(metric dotnet_process_cpu_time_seconds_total)" -v c0="$cpu" -v p=$(( $(cpu_ticks postgres) - postgres )) \
      -v r=$(( $(cpu_ticks beam.smp) - rabbitmq )) -v hz="$(getconf CLK_TCK)" -v l0="$load" -v l1="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "per request: API CPU %.2f ms, PostgreSQL CPU %.2f ms, RabbitMQ CPU %.2f ms, API allocations %.0f KB (load %s → %s)\n",
      (c - c0) * 1000 / n, p * 1000 / hz / n, r * 1000 / hz / n, (a - a0) / 1024 / n, l0, l1 }'
  stop_api
done
