#!/usr/bin/env bash
# Run the whole test suite on PostgreSQL, browser tests included (Debian's Chromium).
# Uses DATABASE_URL when set; otherwise starts a throwaway PostgreSQL cluster and
# removes it afterwards. Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "==> Installing Debian's Chromium for the browser tests"
  apt_install chromium
fi

if [ -z "${DATABASE_URL:-}" ]; then
  pg_bin=$(pg_bin)
  pg_dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
  pg_port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  echo "==> Throwaway PostgreSQL on 127.0.0.1:$pg_port"
  as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null"
  as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start >/dev/null"
  trap "as_pg \"'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast -w stop >/dev/null\"; rm -rf '$pg_dir'" EXIT
  export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
fi

echo "==> pytest"
.venv/bin/pytest --create-db "$@"
