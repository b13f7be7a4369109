#!/usr/bin/env bash
# Backs up a CleanRag deployment into one file: the PostgreSQL database (pg_dump, a consistent snapshot: events, read
# models, API-key hashes, encrypted webhook secrets, refresh-token hashes) and the data directory's uploaded files and
# generated keys (the API-key pepper and the token, link and webhook-secret keys: without them the database's hashes
# and ciphertexts are useless). Search indexes are left out: the API rebuilds them from the stored files at start-up.
#   build/backup.sh [--database NAME] [--data-dir DIR] OUTPUT.tar
# Defaults: this checkout's build/run.sh deployment. Elsewhere set PGHOST/PGPORT/PGUSER/PGPASSWORD (libpq) and the
# options (with Data:SharedDirectory set, --data-dir is that directory: it holds the files and keys). Safe while the
# service runs; keep the file as secret as the keys it holds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/deployment.sh" "$@"
[ ${#arguments[@]} -eq 1 ] || { echo "usage: build/backup.sh [--database NAME] [--data-dir DIR] OUTPUT.tar" >&2; exit 2; }
output="$(realpath -m "${arguments[0]}")"
[ -d "$data_dir" ] || { echo "no data directory at $data_dir" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
"$pg_bin/pg_dump" --format=custom --no-owner --no-privileges --file="$work/database.dump" "$database"
# Files first written to a temporary name are renamed into place, so a copy never holds half a file.
tar -C "$data_dir" --exclude='./indexes' --exclude='*.tmp' -cf "$work/data.tar" .
printf 'cleanrag-backup 1\ndatabase %s\ncreated %s\n' "$database" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$work/MANIFEST"
tar -C "$work" -cf "$output" MANIFEST database.dump data.tar
echo "backup: $output ($(du -h "$output" | cut -f1)): database $database, files and keys of $data_dir"
