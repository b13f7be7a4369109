#!/usr/bin/env bash
# Sets up the real services, then runs the API with the embedded defaults.
# URL: $CLEANRAG_HTTP_URL (default http://127.0.0.1:5080).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CLEANRAG_ROOT"

"$CLEANRAG_ROOT/build/setup.sh"

export ASPNETCORE_URLS="$CLEANRAG_HTTP_URL"
: "${ASPNETCORE_ENVIRONMENT:=Production}"
export ASPNETCORE_ENVIRONMENT
cat <<TXT
CleanRag API   $CLEANRAG_HTTP_URL
Health         $CLEANRAG_HTTP_URL/health
OpenAPI        $CLEANRAG_HTTP_URL/openapi/v1.json
API reference  $CLEANRAG_HTTP_URL/docs
Metrics        $CLEANRAG_HTTP_URL/metrics
TXT
exec dotnet run --project src/Api/CleanRag.Api.csproj -c Release --no-launch-profile
