#!/usr/bin/env bash
# Sets up the real services, runs every test project of the solution, and ends with one line:
#   N passed, N failed
# (preceded by "N skipped" when tests were skipped),
# computed from the test results (TRX files), not from dotnet test's own summary.
# Extra arguments go to dotnet test (e.g. --filter FullyQualifiedName~Health).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CLEANRAG_ROOT"

CLEANRAG_FRESH_TEST_STATE=1 "$CLEANRAG_ROOT/build/setup.sh" >/dev/null || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

results="$CLEANRAG_ROOT/TestResults"
rm -rf "$results"
# A test assembly still running after this long is stopped and counted as failed: a stalled pipeline costs every
# later test its whole wait, and CI must end with its summary line rather than be cut off without one.
session_minutes=${CLEANRAG_TEST_SESSION_MINUTES:-25}
dotnet test CleanRag.sln --logger "trx" --results-directory "$results" "$@" \
  -- RunConfiguration.TestSessionTimeout=$((session_minutes * 60 * 1000))
test_exit=$?

sum_counter() { # attribute name
  cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" |
    grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'
}
passed=$(sum_counter passed)
failed=$(( $(sum_counter failed) + $(sum_counter error) + $(sum_counter timeout) + $(sum_counter aborted) ))
# Skipped tests (e.g. those needing ../shared/datasets when it is absent) are counted but not executed.
skipped=$(( $(sum_counter total) - $(sum_counter executed) ))

# A build failure or crashed test host produces no counts: never report that as green.
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

[ "$skipped" -gt 0 ] && echo "$skipped skipped (see the test output for why)"
# CI reads this last line; keep its shape exactly.
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
