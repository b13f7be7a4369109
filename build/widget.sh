#!/usr/bin/env bash
# Rebuilds the chat widget bundle from src/Widget (TypeScript) into src/Api/Widget/widget.js, the committed file the
# API serves at GET /widget.js. Needs node and npm; the pinned esbuild and typescript come from package-lock.json.
#   build/widget.sh             type-check, then write src/Api/Widget/widget.js
#   build/widget.sh OUTFILE     type-check, then write OUTFILE instead (the staleness test builds into a temp dir)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/src/Api/Widget/widget.js}")"
cd "$root/src/Widget"
# npm ci only when node_modules is missing or does not hold the pinned versions (npm ls checks the installed tree).
if ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npx --no-install tsc --noEmit
npx --no-install esbuild src/main.ts --bundle --minify --format=iife --target=es2020 --legal-comments=none --charset=utf8 \
  --log-level=warning --outfile="$out"
echo "widget: $out ($(wc -c < "$out") bytes, $(gzip -9c "$out" | wc -c) gzipped)"
