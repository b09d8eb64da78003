#!/usr/bin/env bash
# Starts a local PostgreSQL 15 for the storage tests and prints, as its only stdout line, the URL
# to put in ROLEFIT_TEST_PG:   export ROLEFIT_TEST_PG="$(.ci/start-postgres.sh)"
# Uses the Debian cluster 15/main when there is one, else initdb into a fixed directory under
# $TMPDIR. Safe to run again: a running server, the role and the database are all reused.
# Runs as root (it switches to the postgres user for the server and for admin statements).
set -euo pipefail

VERSION=15
PGBIN="/usr/lib/postgresql/$VERSION/bin"
PORT="${ROLEFIT_PG_PORT:-5432}"
ROLE=rolefit
PASSWORD=rolefit
DATABASE=rolefit_test
SOCKET_DIR=/var/run/postgresql

log() { echo "start-postgres: $*" >&2; }
as_postgres() { runuser -u postgres -- "$@"; }

if [[ $(id -u) -ne 0 ]]; then
  log "run this as root"
  exit 1
fi
if [[ ! -x "$PGBIN/postgres" ]]; then
  log "PostgreSQL $VERSION is not installed ($PGBIN/postgres is missing)"
  exit 1
fi

# The socket directory is often a tmpfs that a fresh container starts without.
install -d -o postgres -g postgres -m 2775 "$SOCKET_DIR"

if command -v pg_lsclusters >/dev/null && pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $3 }')
  if pg_ctlcluster "$VERSION" main status >/dev/null 2>&1; then
    log "cluster $VERSION/main is already running on port $PORT"
  else
    log "starting cluster $VERSION/main on port $PORT"
    pg_ctlcluster "$VERSION" main start >&2
  fi
else
  DATA_DIR="${TMPDIR:-/tmp}/rolefit-pg$VERSION"
  if [[ ! -s "$DATA_DIR/PG_VERSION" ]]; then
    log "no cluster $VERSION/main: initdb into $DATA_DIR"
    install -d -o postgres -g postgres -m 700 "$DATA_DIR"
    as_postgres "$PGBIN/initdb" -D "$DATA_DIR" --auth-local=peer --auth-host=scram-sha-256 -U postgres >&2
  fi
  if as_postgres "$PGBIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
    log "the server in $DATA_DIR is already running"
  else
    log "starting the server in $DATA_DIR on port $PORT"
    as_postgres "$PGBIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w \
      -o "-p $PORT -k $SOCKET_DIR -c listen_addresses=127.0.0.1" start >&2
  fi
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
  sleep 0.5
done
if ! pg_isready -h 127.0.0.1 -p "$PORT" >&2; then
  log "the server did not become ready on 127.0.0.1:$PORT"
  exit 1
fi

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -d postgres "$@"; }

# A dedicated login role with a password (TCP connections use scram-sha-256), reset every run.
psql_admin >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
  ELSE
    ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
SQL
if [[ -z $(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'") ]]; then
  log "creating database $DATABASE"
  psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE" >&2
fi

URL="postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
# Check the URL really works over TCP before handing it out.
psql -X -q -v ON_ERROR_STOP=1 "$URL" -c 'SELECT 1' >/dev/null
echo "$URL"
