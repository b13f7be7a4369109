#!/usr/bin/env bash
# Sets up the real services, then runs the API with the embedded defaults.
# URL: $CLEANRAG_HTTP_URL (default http://127.0.0.1:5080).
# With arguments, runs an operator verb against the same services instead of serving (build/run.sh plans set <companyId> <plan>).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CLEANRAG_ROOT"

"$CLEANRAG_ROOT/build/setup.sh"

# Earlier versions kept uploaded files, indexes and generated keys in .data beside the binaries, where a rebuild or
# git clean deletes them; they move to the stable data directory (the API-key pepper and signing keys with them).
for legacy_data in "$CLEANRAG_ROOT"/src/Api/bin/Release/*/.data; do
  if [ -d "$legacy_data" ] && [ ! -e "$Data__Directory" ]; then
    printf '[run] moving the data of an earlier version from %s to %s\n' "$legacy_data" "$Data__Directory" >&2
    mkdir -p "$(dirname "$Data__Directory")"
    mv "$legacy_data" "$Data__Directory"
  fi
done

export ASPNETCORE_URLS="$CLEANRAG_HTTP_URL"
: "${ASPNETCORE_ENVIRONMENT:=Production}"
export ASPNETCORE_ENVIRONMENT
if [ "$#" -gt 0 ]; then
  exec dotnet run --project src/Api/CleanRag.Api.csproj -c Release --no-launch-profile -- "$@"
fi
cat <<TXT
CleanRag API   $CLEANRAG_HTTP_URL
Data           $Data__Directory
Health         $CLEANRAG_HTTP_URL/health
OpenAPI        $CLEANRAG_HTTP_URL/openapi/v1.json
API reference  $CLEANRAG_HTTP_URL/docs
Metrics        $CLEANRAG_HTTP_URL/metrics
TXT
exec dotnet run --project src/Api/CleanRag.Api.csproj -c Release --no-launch-profile
