#!/usr/bin/env bash
# Run the portal on http://127.0.0.1:8000 with SQLite and the demo data.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

export DJANGO_DEBUG=true
echo "==> Database and demo data"
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py seed_demo

echo "==> Task worker (e-mails) in the background"
.venv/bin/python manage.py db_worker --no-reload --interval 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT

echo "==> http://127.0.0.1:8000  (demo logins in README.md)"
.venv/bin/python manage.py runserver 127.0.0.1:8000
