#!/usr/bin/env bash
# Rebuilds the code-free redirect package(s) in this folder from src/*.nuspec.
# A .nupkg is a zip holding the .nuspec; nothing else is needed for a dependency-only package.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for nuspec in "$here"/src/*.nuspec; do
  id=$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$nuspec")
  version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$nuspec")
  python3 - "$nuspec" "$here/$id.$version.nupkg" <<'PY'
import sys, zipfile, os
nuspec, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(nuspec, os.path.basename(nuspec))
PY
  echo "packed $id $version"
done
