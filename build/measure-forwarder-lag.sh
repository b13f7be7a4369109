#!/usr/bin/env bash
# The bus forwarder's lag at a steady event rate (docs/benchmarks.md, "Engine speed (issue 20)", "Bus forwarder"):
#
#   build/measure-forwarder-lag.sh append <events/s> [seconds] [CleanRag.Api.dll]
#   build/measure-forwarder-lag.sh chat <requests/s> [seconds] [CleanRag.Api.dll]
#
# Starts the API (Release build of this checkout unless another dll is given, hashing embedder) on $CLEANRAG_BENCH_URL,
# has tools/ChatLoad index 100 SciFact abstracts into a project (reused on later runs) and ask its 50 warm-up questions,
# then runs tools/ForwarderLag for <seconds> (60): conversations appended straight to the store at <events/s> (what a chat
# commits, without its CPU), or POST /v1/chat at <requests/s>, while the forwarder's progress is sampled every 100 ms.
# Prints the lag per event and per sample (p50/p95/p99/max), the event rate reached and the load average; stops the API.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CLEANRAG_ROOT"
mode=${1:?usage: build/measure-forwarder-lag.sh append|chat <rate> [seconds] [CleanRag.Api.dll]}
rate=${2:?usage: build/measure-forwarder-lag.sh append|chat <rate> [seconds] [CleanRag.Api.dll]}
seconds=${3:-60}
url="${CLEANRAG_BENCH_URL:-http://127.0.0.1:5439}"
dataset="${CLEANRAG_SCIFACT:-../shared/datasets/scifact}"
[ -f "$dataset/corpus.jsonl" ] || { echo "SciFact not found at $dataset: nothing measured."; exit 1; }
if [ -z "${4:-}" ]; then dotnet build -c Release src/Api -v q >/dev/null; fi
api_dll=$(realpath "${4:-$CLEANRAG_ROOT/src/Api/bin/Release/net10.0/CleanRag.Api.dll}")
dotnet build -c Release tools/ChatLoad -v q >/dev/null
dotnet build -c Release tools/ForwarderLag -v q >/dev/null

log="$CLEANRAG_STATE_DIR/measure-forwarder-lag.log"
# Its own process group, so stopping it stops nothing else. Run from its folder: appsettings.json is there.
(cd "$(dirname "$api_dll")" && ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production AI__Embeddings__Provider=hashing \
  Serilog__MinimumLevel__Default=Warning exec setsid dotnet "$api_dll") >"$log" 2>&1 &
api=$!
trap 'kill -- -$api 2>/dev/null || true' EXIT
until curl -sf -m 3 "$url/health" >/dev/null; do
  kill -0 "$api" 2>/dev/null || { echo "the API exited:"; tail -5 "$log"; exit 1; }
  sleep 1
done

dotnet tools/ChatLoad/bin/Release/net10.0/CleanRag.ChatLoad.dll "$dataset" --url "$url" --docs 100 --single 0 --seconds 0 --reuse \
  | grep -E "^ingestion|^reusing" || true
state="${TMPDIR:-/tmp}/cleanrag-chatload-${url##*:}-100.json"
field() { python3 -c "import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$state" "$1"; }
case "$mode" in
  append) target=(--append "$(field ProjectId)") ;;
  chat) target=(--chat "$(field Key)" --url "$url" --questions "$dataset/queries.jsonl") ;;
  *) echo "unknown mode $mode (append or chat)"; exit 2 ;;
esac
echo "API: $api_dll"
dotnet tools/ForwarderLag/bin/Release/net10.0/CleanRag.ForwarderLag.dll "${target[@]}" --rate "$rate" --seconds "$seconds"
