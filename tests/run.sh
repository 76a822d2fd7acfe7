#!/usr/bin/env bash
# Install everything the test suite needs, then run all of it: data validation, unit, AppTest
# and real-browser tests. The README's test command and CI's .ci/run both call this script.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Drill Atlas needs Python 3.11 or newer; python3 here is $(python3 --version 2>&1 || echo missing)." >&2
  exit 1
fi
if [ ! -d .venv ] && ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  echo "python3 cannot make a virtual environment: install it (Debian: apt-get install -y python3-venv)." >&2
  exit 1
fi

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
# nginx's Brotli for the frontend deploy/frontend.py prepares (tests/browser/test_hosting.py).
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$missing libnginx-mod-http-brotli-static"
if [ "${CI:-}" = true ] || [ "${DRILL_ATLAS_CONTAINER_TESTS:-}" = 1 ]; then
  # The container tests build deploy/Dockerfile with podman on a Debian base made by debootstrap.
  command -v podman >/dev/null || missing="$missing podman"
  [ -x /usr/sbin/runc ] || missing="$missing runc"
  [ -x /usr/sbin/debootstrap ] || missing="$missing debootstrap"
  # The region build's reproduction test installs world-atlas from the npm registry.
  command -v npm >/dev/null || missing="$missing npm"
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "Missing Debian packages:$missing; run 'sudo apt-get install -y$missing' and try again." >&2
    exit 1
  fi
fi

[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
pip install -q --disable-pip-version-check -r requirements.txt -r requirements-dev.txt

ruff check .
python -m geodata.validate
python -m pytest -q -p no:cacheprovider --screenshot only-on-failure --output test-results/playwright "$@"
