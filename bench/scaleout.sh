#!/usr/bin/env bash
# Two app servers behind nginx, Redis for cache and sessions, one PostgreSQL: the checks of
# bench/scaleout.py (sessions and rate limits shared, unique protocol numbers under concurrent
# submissions, an instance killed mid-load loses no ticket). Run as root from anywhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for program in nginx redis-server; do
  command -v "$program" >/dev/null 2>&1 || { echo "Install nginx-light and redis-server (apt-get install -y nginx-light redis-server)." >&2; exit 2; }
done
DJANGO_DEBUG=false exec .venv/bin/python bench/scaleout.py "$@"
