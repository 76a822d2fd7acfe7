#!/usr/bin/env bash
# Two `streamlit run` replicas of Drill Atlas behind nginx on 127.0.0.1, with sticky sessions.
#
#   bash deploy/run_local_cluster.sh           serve until Ctrl-C, then stop everything
#   bash deploy/run_local_cluster.sh --check   start, measure, send fresh visitors, print the split, stop
#
# Settings (environment): ATLAS_PORT (nginx, default 8080), ATLAS_REPLICA_PORTS (default "8501 8502"),
# ATLAS_PREFIX (serve below /PREFIX/, e.g. atlas; default: the site root), DRILL_ATLAS_TILES=off (no tile
# requests), DRILL_ATLAS_DATA_DIR (another data folder), ATLAS_PIN=off (do not pin each replica to a core).
# nginx runs from a temporary folder, never /etc.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:-serve}"
case "$MODE" in serve|--check) ;; *) echo "usage: $0 [--check]" >&2; exit 2 ;; esac
NGINX_PORT="${ATLAS_PORT:-8080}"
read -r -a REPLICA_PORTS <<< "${ATLAS_REPLICA_PORTS:-8501 8502}"
PREFIX="${ATLAS_PREFIX:-}"
PREFIX="${PREFIX#/}"; PREFIX="${PREFIX%/}"
URL_PATH="/${PREFIX:+$PREFIX/}"
PY=python3
[ -x .venv/bin/python ] && PY=.venv/bin/python

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  else
    echo "nginx is missing: run 'sudo apt-get install -y nginx' and try again." >&2
    exit 1
  fi
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

RUN_DIR="$(mktemp -d -t drill-atlas-cluster.XXXXXX)"
chmod 755 "$RUN_DIR"  # nginx started as root runs its workers as nobody; they must enter this folder
PIDS=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$RUN_DIR"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { "$PY" -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.1f}")' "$1" "$2"; }
# Wait until URL answers "ok"; on timeout print the logs and fail.
wait_ok() {
  if ! "$PY" - "$1" <<'EOF'; then
import sys, time, urllib.request
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
            if response.read().strip() == b"ok":
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit(1)
EOF
    echo "no 'ok' from $1 within 60 s; logs:" >&2
    tail -n 30 "$RUN_DIR"/*.log >&2 || true
    exit 1
  fi
}

# Publish Leaflet, the land layer and the towns once, so the replicas (which share ./static) never copy at the same time.
"$PY" - <<'EOF'
import os
from pathlib import Path

from geodata import schema
from geodata.towns import towns_file
from layers import publish_static_assets, publish_towns

data_dir = Path(os.environ.get("DRILL_ATLAS_DATA_DIR", str(schema.DATA_DIR)))
publish_static_assets(Path("static"), data_dir / schema.LAND_FILE)
publish_towns(Path("static"), towns_file(data_dir))
EOF

# Streamlit's frontend for nginx to serve, pre-compressed with its fonts cut down (deploy/frontend.py):
# prepared once into .cache/ (about 30 s), again only when Streamlit or the app's icons change.
FRONTEND=()
if "$PY" -c 'import brotli, fontTools' 2>/dev/null; then
  FRONTEND_DIR="$RUN_DIR/frontend"
  mkdir -p .cache
  "$PY" -m deploy.frontend .cache/frontend >/dev/null
  cp -r .cache/frontend "$FRONTEND_DIR" && chmod -R a+rX "$FRONTEND_DIR"
  FRONTEND=(--frontend "$FRONTEND_DIR")
else
  echo "nginx asks the replicas for Streamlit's frontend; to prepare it for nginx: pip install -r requirements-build.txt"
fi

# One core per replica where there are as many cores (taskset, util-linux): a replica is one Python
# process whose threads share one interpreter lock, and it answers faster kept on one core
# (deploy/HOSTING.md, "One core per replica"). The cores are the ones this process may use (a
# container's cpuset need not start at 0). ATLAS_PIN=off leaves the scheduler free.
read -r -a CPUS <<< "$("$PY" -c 'import os; print(*sorted(os.sched_getaffinity(0)))')"
PINNED=no
if [ "${ATLAS_PIN:-on}" != off ] && command -v taskset >/dev/null && [ "${#CPUS[@]}" -ge "${#REPLICA_PORTS[@]}" ]; then
  PINNED=yes
fi
PIN=()
START="$(now)"
REPLICAS=()
n=0
for port in "${REPLICA_PORTS[@]}"; do
  [ "$PINNED" = yes ] && PIN=(taskset --cpu-list "${CPUS[$n]}")
  "${PIN[@]}" "$PY" -m streamlit run app.py --server.address 127.0.0.1 --server.port "$port" --server.headless true \
    --server.fileWatcherType none --browser.gatherUsageStats false ${PREFIX:+--server.baseUrlPath "$PREFIX"} \
    </dev/null >"$RUN_DIR/replica-$port.log" 2>&1 &
  PIDS+=("$!")
  REPLICAS+=(--replica "127.0.0.1:$port")
  n=$((n + 1))
done
if [ "$PINNED" = yes ]; then
  echo "replicas pinned one to a core (taskset; ATLAS_PIN=off to leave them free)"
fi
for port in "${REPLICA_PORTS[@]}"; do wait_ok "http://127.0.0.1:$port${URL_PATH}_stcore/health"; done
REPLICAS_UP="$(now)"

"$PY" -m deploy.nginx_conf "${REPLICAS[@]}" --listen "127.0.0.1:$NGINX_PORT" --prefix "$URL_PATH" \
  --show-upstream --standalone "$RUN_DIR" "${FRONTEND[@]}" >/dev/null
"$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/error.log" -g 'daemon off;' </dev/null &
PIDS+=("$!")
URL="http://127.0.0.1:$NGINX_PORT$URL_PATH"
wait_ok "${URL}_stcore/health"
PROXY_UP="$(now)"

echo "replicas healthy after $(elapsed "$START" "$REPLICAS_UP") s (${#REPLICA_PORTS[@]} started together);" \
  "through nginx after $(elapsed "$START" "$PROXY_UP") s"
echo "Drill Atlas: $URL  (replicas: ${REPLICA_PORTS[*]}; nginx config and logs: $RUN_DIR)"

if [ "$MODE" = --check ]; then
  "$PY" - "$URL" "${#REPLICA_PORTS[@]}" <<'EOF'
import collections, sys, urllib.request

url, replica_count = sys.argv[1], int(sys.argv[2])
visitors = collections.Counter()
for _ in range(40):  # fresh visitors: no cookie yet
    with urllib.request.urlopen(url, timeout=10) as response:
        visitors[response.headers["X-Upstream"]] += 1
        cookie = response.headers["Set-Cookie"].split(";")[0]
print("40 fresh visitors per replica:", dict(sorted(visitors.items())))
returning = collections.Counter()
for _ in range(10):  # the last visitor coming back with its cookie
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=10) as response:
        returning[response.headers["X-Upstream"]] += 1
print("one returning visitor, 10 requests:", dict(returning))
sys.exit(0 if len(visitors) == replica_count and len(returning) == 1 else 1)
EOF
  exit
fi

echo "Ctrl-C stops nginx and the replicas."
wait "${PIDS[-1]}"
