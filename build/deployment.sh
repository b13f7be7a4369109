# Sourced by build/backup.sh and build/restore.sh: the deployment they work on. Sets `database` and `data_dir` (this
# checkout's build/run.sh deployment unless --database NAME / --data-dir DIR say otherwise), leaves the other arguments
# in `arguments`, and exports the libpq settings for pg_dump/pg_restore (PGHOST/PGPORT/PGUSER/PGPASSWORD win if set).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

database="$CLEANRAG_DB_NAME"
data_dir="$Data__Directory"
arguments=()
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --*) echo "unknown option $1" >&2; exit 2 ;;
    *) arguments+=("$1"); shift ;;
  esac
done

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-$CLEANRAG_PG_PORT}" PGUSER="${PGUSER:-$CLEANRAG_DB_USER}" \
  PGPASSWORD="${PGPASSWORD:-$CLEANRAG_DB_PASSWORD}"
