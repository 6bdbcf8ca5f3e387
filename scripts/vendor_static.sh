#!/usr/bin/env bash
# Build the front-end files that come from npm (installed by `npm ci`) into static/vendor (not committed):
# Bootstrap's CSS, only the parts the portal uses (assets/scss/portal-bootstrap.scss), compiled from
# Bootstrap's Sass sources with npm's `sass`.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf static/vendor
mkdir -p static/vendor/bootstrap
# --quiet-deps and --silence-deprecation=import: Bootstrap 5.3's Sass still uses @import and global
# functions, which Dart Sass warns about (they work until Dart Sass 3).
node_modules/.bin/sass --style=compressed --no-source-map --load-path=node_modules \
  --quiet-deps --silence-deprecation=import \
  assets/scss/portal-bootstrap.scss static/vendor/bootstrap/portal-bootstrap.min.css
