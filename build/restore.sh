#!/usr/bin/env bash
# Restores a backup made by build/backup.sh: the database is replaced by the dump (recreated first when it was dropped)
# and the data directory's files and keys by the backup's; its search indexes are removed, and the API rebuilds them
# at its next start. Stop the API first.
#   build/restore.sh [--database NAME] [--data-dir DIR] BACKUP.tar
set -euo pipefail
# Before the libpq defaults are read: build/setup.sh starts this checkout's PostgreSQL and creates its databases again if
# they were dropped (another deployment's server is the operator's, given by PGHOST).
if [ -z "${PGHOST:-}" ]; then "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null; fi
source "$(dirname "${BASH_SOURCE[0]}")/deployment.sh" "$@"
[ ${#arguments[@]} -eq 1 ] || { echo "usage: build/restore.sh [--database NAME] [--data-dir DIR] BACKUP.tar" >&2; exit 2; }
backup="$(realpath "${arguments[0]}")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xf "$backup"
head -1 "$work/MANIFEST" | grep -qx 'cleanrag-backup 1' || { echo "$backup is not a CleanRag backup" >&2; exit 1; }

"$pg_bin/pg_restore" --clean --if-exists --no-owner --no-privileges --exit-on-error --dbname="$database" "$work/database.dump"

mkdir -p "$data_dir"
find "$data_dir" -mindepth 1 -delete
umask 077
tar -C "$data_dir" -xf "$work/data.tar"
echo "restored: database $database and the files and keys of $data_dir from $backup; search indexes are rebuilt at the API's next start"
