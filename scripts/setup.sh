#!/usr/bin/env bash
# Install everything the portal needs: Python packages, front-end assets,
# translations and static files. Safe to run again; sourced by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export UV_PYTHON_DOWNLOADS=never

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else echo "Please run as root or install: $*" >&2; return 1; fi
}

apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

find_python() {
  local candidate
  for candidate in python python3 python3.13 python3.12 \
      "$(pyenv root 2>/dev/null)/versions/3.12.1/bin/python3.12"; do
    if command -v "$candidate" >/dev/null 2>&1 \
        && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Python 3.12 or newer is required (see .python-version)." >&2
  return 1
}

# PostgreSQL's own programs (initdb, pg_ctl) of the newest installed version, installing it if missing.
pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ]; then
    echo "==> Installing PostgreSQL" >&2
    apt_install postgresql
    found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$found"
}

# Run a command as the owner of a cluster: PostgreSQL refuses to run as root.
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

# .ci/run installs once, then calls test.sh, which sources this file again.
if [ -n "${PORTAL_SETUP_DONE:-}" ]; then
  return 0
fi

PYTHON=$(find_python)
"$PYTHON" -m uv --version >/dev/null 2>&1 || "$PYTHON" -m pip install -q uv
echo "==> Python packages (uv sync --locked)"
"$PYTHON" -m uv sync --locked --quiet

command -v npm >/dev/null 2>&1 || apt_install nodejs npm
echo "==> Front-end packages (npm ci)"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
scripts/vendor_static.sh

command -v msgfmt >/dev/null 2>&1 || apt_install gettext
echo "==> Translations and static files"
# Only the commands below run with throwaway settings: they touch no database.
DJANGO_DEBUG=true .venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0
DJANGO_DEBUG=true .venv/bin/python manage.py collectstatic --noinput -v0

export PORTAL_SETUP_DONE=1
