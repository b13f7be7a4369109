#!/usr/bin/env bash
# Ingestion through the bus, per document (docs/benchmarks.md, "Ingestion through the bus, and chat"):
#   build/measure-ingestion.sh [label] [api-directory]
# Starts the Release API from api-directory (default: this checkout's build) with the hashing embedder on
# $CLEANRAG_BENCH_URL (default http://127.0.0.1:5438) against this checkout's PostgreSQL and RabbitMQ, lets it handle
# whatever an earlier run left queued, then uploads 1,000 SciFact abstracts into a new project with tools/ChatLoad and
# prints its ingestion line and the CPU time per document of the API, of this checkout's PostgreSQL cluster (its
# postmaster and children, exited backends included) and of this checkout's RabbitMQ node, from start to all indexed.
# Give the directory of another build (e.g. a worktree of an earlier commit) to compare side by side.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CLEANRAG_ROOT"
label="${1:-this}"
api_dir="${2:-$CLEANRAG_ROOT/src/Api/bin/Release/net10.0}"
url="${CLEANRAG_BENCH_URL:-http://127.0.0.1:5438}"
dataset="${CLEANRAG_SCIFACT:-../shared/datasets/scifact}"
documents="${CLEANRAG_BENCH_DOCS:-1000}"
[ -f "$dataset/corpus.jsonl" ] || { echo "SciFact not found at $dataset: nothing measured."; exit 0; }
build/setup.sh >/dev/null
[ "$#" -ge 2 ] || dotnet build -c Release src/Api -v q >/dev/null
dotnet build -c Release tools/ChatLoad -v q >/dev/null

hz=$(getconf CLK_TCK)
postgres_pids() { local postmaster; postmaster=$(head -1 "$CLEANRAG_STATE_DIR/postgres/data/postmaster.pid"); echo "$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"; }
rabbitmq_pid() {
  local p
  for p in $(pgrep -x beam.smp); do
    tr '\0' '\n' < "/proc/$p/environ" 2>/dev/null | grep -qx "RABBITMQ_NODENAME=$CLEANRAG_RABBIT_NODE" && echo "$p"
  done
  return 0
}
# user + system time, with that of reaped children (the postmaster's exited backends)
ticks() { local total=0 p; for p in "$@"; do total=$((total + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
queued() {
  env RABBITMQ_NODENAME="$CLEANRAG_RABBIT_NODE" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$CLEANRAG_RABBIT_NODE" -q list_queues -p cleanrag messages 2>/dev/null |
    awk '$1 ~ /^[0-9]+$/ { s += $1 } END { print s + 0 }'
}

log="$CLEANRAG_STATE_DIR/measure-ingestion-$label.log"
(cd "$api_dir" && ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production AI__Embeddings__Provider=hashing exec dotnet CleanRag.Api.dll > "$log" 2>&1) &
api_pid=$!
trap 'kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null || true' EXIT
until curl -sf -m 3 "$url/health" >/dev/null; do sleep 1; done
quiet=0
while [ "$quiet" -lt 2 ]; do # what an earlier run left is handled outside the measurement
  if [ "$(queued)" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
  sleep 3
done

rabbitmq=$(rabbitmq_pid)
dotnet_pid=$(pgrep -P "$api_pid" -x dotnet || echo "$api_pid")
api0=$(ticks "$dotnet_pid"); postgres0=$(ticks $(postgres_pids)); rabbitmq0=$(ticks $rabbitmq); load0=$(cut -d' ' -f1 /proc/loadavg)
out="$CLEANRAG_STATE_DIR/measure-ingestion-$label.out"
dotnet tools/ChatLoad/bin/Release/net10.0/CleanRag.ChatLoad.dll "$dataset" --url "$url" --docs "$documents" --seconds 1 --single 0 > "$out" 2>&1 &
load_pid=$!
until grep -q '^ingestion' "$out"; do kill -0 "$load_pid" 2>/dev/null || { cat "$out"; exit 1; }; sleep 0.5; done
api1=$(ticks "$dotnet_pid"); postgres1=$(ticks $(postgres_pids)); rabbitmq1=$(ticks $rabbitmq); load1=$(cut -d' ' -f1 /proc/loadavg)
wait "$load_pid" || true
echo "$label: $(grep '^ingestion' "$out")"
awk -v a=$((api1 - api0)) -v p=$((postgres1 - postgres0)) -v r=$((rabbitmq1 - rabbitmq0)) -v hz="$hz" -v n="$documents" \
    -v l0="$load0" -v l1="$load1" 'BEGIN {
  printf "  CPU per document: API %.2f ms, PostgreSQL %.2f ms, RabbitMQ %.2f ms, total %.2f ms (load %s -> %s)\n",
    a * 1000 / hz / n, p * 1000 / hz / n, r * 1000 / hz / n, (a + p + r) * 1000 / hz / n, l0, l1 }'
