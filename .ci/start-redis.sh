#!/usr/bin/env bash
# Starts a throwaway Redis for the batch queue tests and prints, as its only stdout line, the URL
# to put in ROLEFIT_TEST_REDIS:   export ROLEFIT_TEST_REDIS="$(.ci/start-redis.sh)"
# No persistence (the tests need none, and a stale dump must not bring old jobs back). Safe to run
# again: a Redis already answering on the port is reused.
set -euo pipefail

PORT="${ROLEFIT_REDIS_PORT:-6390}"
URL="redis://127.0.0.1:$PORT"

log() { echo "start-redis: $*" >&2; }

if ! command -v redis-server >/dev/null; then
  log "redis-server is not installed"
  exit 1
fi
if redis-cli -p "$PORT" ping 2>/dev/null | grep -q PONG; then
  log "Redis is already running on port $PORT"
else
  log "starting Redis on port $PORT"
  redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "${TMPDIR:-/tmp}/rolefit-redis-$PORT.pid" --logfile "${TMPDIR:-/tmp}/rolefit-redis-$PORT.log" >&2
fi
for _ in $(seq 1 40); do
  if redis-cli -p "$PORT" ping 2>/dev/null | grep -q PONG; then
    echo "$URL"
    exit 0
  fi
  sleep 0.25
done
log "Redis did not answer on port $PORT"
exit 1
