#!/usr/bin/env bash
# Copy the front-end packages installed by `npm ci` into static/vendor (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf static/vendor
mkdir -p static/vendor/bootstrap
cp node_modules/bootstrap/dist/css/bootstrap.min.css \
   node_modules/bootstrap/dist/css/bootstrap.min.css.map \
   static/vendor/bootstrap/
