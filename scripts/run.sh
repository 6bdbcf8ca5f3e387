#!/usr/bin/env bash
# Run the portal on http://127.0.0.1:8000 with the demo data, on PostgreSQL as everywhere else.
#
# Unless DATABASE_URL is set, it starts the project's own PostgreSQL cluster, kept in .pgdata/
# (git-ignored) so tickets survive a restart. Ctrl-C, or killing this script, stops the web
# server, the task worker and that database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

export DJANGO_DEBUG=true
PG_PORT=${PORTAL_PG_PORT:-54329}
PG_DIR="$PWD/.pgdata"
pg_started=""
children=()

stop() {
  trap - EXIT INT TERM
  trap '' PIPE  # a closed terminal or pipe must not cut the clean-up short…
  set +e        # …nor a message that can no longer be printed
  for pid in "${children[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true  # the whole process group: runserver's reloader child too
  done
  wait 2>/dev/null || true
  if [ -n "$pg_started" ]; then
    echo "==> Stopping PostgreSQL"
    as_pg "'$pg_started/pg_ctl' -D '$PG_DIR/data' -m fast -w stop >/dev/null" || true
  fi
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${DATABASE_URL:-}" ]; then
  bin=$(pg_bin)
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    echo "==> Creating the project's PostgreSQL cluster in .pgdata/"
    as_pg "'$bin/initdb' -D '$PG_DIR/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null"
  fi
  echo "==> PostgreSQL on 127.0.0.1:$PG_PORT"
  as_pg "'$bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/log' -w -o \"-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''\" start >/dev/null"
  pg_started=$bin
  as_pg "'$bin/psql' -h 127.0.0.1 -p $PG_PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = 'area_do_cliente'\"" \
    | grep -q 1 || as_pg "'$bin/createdb' -h 127.0.0.1 -p $PG_PORT -U postgres area_do_cliente"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/area_do_cliente"
fi

echo "==> Database and demo data"
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py seed_demo

set -m  # each background job in its own process group, so stop() reaches every process
echo "==> Task worker (e-mails) in the background"
.venv/bin/python manage.py worker --no-reload --interval 1 &
children+=($!)

echo "==> http://127.0.0.1:8000  (demo logins in README.md; Ctrl-C stops everything)"
.venv/bin/python manage.py runserver 127.0.0.1:8000 &
children+=($!)
wait -n  # until one of them stops, or Ctrl-C
