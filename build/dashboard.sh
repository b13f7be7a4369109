#!/usr/bin/env bash
# Rebuilds the owners' dashboard from src/Dashboard (TypeScript + static index.html and CSS) into src/Api/Dashboard/app/,
# the committed files the API serves at /app. Needs node and npm; the pinned esbuild and typescript come from
# package-lock.json.
#   build/dashboard.sh             type-check, then write src/Api/Dashboard/app/{index.html,dashboard.js,dashboard.css}
#   build/dashboard.sh OUTDIR      type-check, then write into OUTDIR instead (the staleness test builds into a temp dir)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/src/Api/Dashboard/app}")"
cd "$root/src/Dashboard"
# npm ci only when node_modules is missing or does not hold the pinned versions (npm ls checks the installed tree).
if ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npx --no-install tsc --noEmit
mkdir -p "$out"
npx --no-install esbuild src/main.ts --bundle --minify --format=iife --target=es2020 --legal-comments=none --charset=utf8 \
  --log-level=warning --outfile="$out/dashboard.js"
cp static/index.html static/dashboard.css "$out/"
echo "dashboard: $out ($(cat "$out"/dashboard.js "$out"/dashboard.css | wc -c) bytes of script and styles, $(cat "$out"/dashboard.js "$out"/dashboard.css | gzip -9c | wc -c) gzipped)"
