#!/usr/bin/env bash
# Measures how fast the bus forwarder publishes (docs/benchmarks.md, "Engine speed (issue 20)", "Bus forwarder").
#
#   build/measure-forwarder.sh <from-sequence> [CleanRag.Api.dll]
#
# Replays the forwarder over the events this checkout's store already holds after <from-sequence> (e.g. those a
# tools/ChatLoad run wrote): with no API running, its progress is set back to that sequence, the API (Release build of
# this checkout unless another dll is given, hashing embedder) is started, and its progress is polled every 0.2 s
# until it reaches the last stored event. Replayed events were handled before, so consumers skip them by their markers.
# Prints events/s from the first progress to caught up, then stops the API.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
from=${1:?usage: build/measure-forwarder.sh <from-sequence> [CleanRag.Api.dll]}
api_dll=$(realpath "${2:-$CLEANRAG_ROOT/src/Api/bin/Release/net10.0/CleanRag.Api.dll}")
export PGPASSWORD=$CLEANRAG_DB_PASSWORD
sql() { psql -h 127.0.0.1 -p "$CLEANRAG_PG_PORT" -U "$CLEANRAG_DB_USER" -d "$CLEANRAG_DB_NAME" -At -c "$1"; }
progress() { local seq; seq=$(sql "select last_seq_id from cleanrag.mt_event_progression where name = 'bus-forwarder:All'"); echo "${seq:-0}"; }

if [ "$from" -eq 0 ]; then
  # Marten records "no progress" as no row (a row at 0 makes the daemon insert it again and fail on the duplicate).
  sql "delete from cleanrag.mt_event_progression where name = 'bus-forwarder:All'" >/dev/null
else
  sql "update cleanrag.mt_event_progression set last_seq_id = $from where name = 'bus-forwarder:All'" >/dev/null
fi
last=$(sql "select max(seq_id) from cleanrag.mt_events")
log=$(mktemp)
# Its own process group, so stopping it stops nothing else. Run from its folder: appsettings.json is there.
(cd "$(dirname "$api_dll")" && ASPNETCORE_URLS=${CLEANRAG_FORWARDER_URL:-http://127.0.0.1:5437} ASPNETCORE_ENVIRONMENT=Production \
  AI__Embeddings__Provider=hashing Serilog__MinimumLevel__Default=Warning exec setsid dotnet "$api_dll") >"$log" 2>&1 &
api=$!
trap 'kill -- -$api 2>/dev/null || true' EXIT

started=""; first=0
while true; do
  now=$(date +%s.%N); seq=$(progress)
  if [ -z "$started" ] && [ "$seq" -gt "$from" ]; then started=$now; first=$seq; fi
  [ "$seq" -ge "$last" ] && break
  kill -0 "$api" 2>/dev/null || { echo "the API exited:"; tail -5 "$log"; exit 1; }
  sleep 0.2
done
python3 -c "s, e, n = $started, $now, $last - $first; print(f'forwarded {n} events in {e - s:.2f} s: {n / (e - s):.0f} events/s; load $(cut -d' ' -f1-3 /proc/loadavg)')"
